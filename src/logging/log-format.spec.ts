import { Writable } from 'node:stream';
import pino from 'pino';
import { prettyDestination, usePrettyLogs } from './log-format';

describe('log format', () => {
  it('is pretty only in development on a terminal, unless LOG_FORMAT says otherwise', () => {
    expect(usePrettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'development' }, true)).toBe(true);
    expect(usePrettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'development' }, false)).toBe(false);
    expect(usePrettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'production' }, true)).toBe(false);
    expect(usePrettyLogs({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false)).toBe(true);
    expect(usePrettyLogs({ LOG_FORMAT: 'json', NODE_ENV: 'development' }, true)).toBe(false);
  });

  it('writes one readable line per entry with level, context and fields (pino-pretty on pino 10)', () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const stream = prettyDestination({ colorize: false, destination: sink });
    expect(stream).not.toBeNull();
    const log = pino({ level: 'info' }, stream!);
    log.info({ context: 'Cache', tenantId: 't1' }, 'background refresh failed');
    log.warn({ context: 'RateLimit' }, 'Redis unavailable');
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[?\d\d:\d\d:\d\d\.\d{3}\]? INFO: \[Cache\] background refresh failed \{.*"tenantId":"t1"/,
    );
    expect(lines[1]).toMatch(/WARN: \[RateLimit\] Redis unavailable/);
    expect(lines.join('\n')).not.toMatch(/"level"|"pid"|"hostname"/);
  });
});
