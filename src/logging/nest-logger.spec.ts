import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PinoNestLogger } from './nest-logger';

/** A pino logger writing JSON lines into an array. */
function capture(level = 'info'): { lines: Record<string, unknown>[]; nest: PinoNestLogger } {
  const lines: Record<string, unknown>[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, nest: new PinoNestLogger(pino({ level }, out)) };
}

describe('PinoNestLogger', () => {
  it("writes a Nest Logger's message with its context, and an object's fields as they are", () => {
    const { lines, nest } = capture();
    nest.log('catalogue cache: memory', 'Cache');
    nest.warn({ msg: 'read-back failed', requestId: 'r-1' }, 'InstancesService');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Cache', msg: 'catalogue cache: memory' }),
      expect.objectContaining({
        level: 40,
        context: 'InstancesService',
        msg: 'read-back failed',
        requestId: 'r-1',
      }),
    ]);
  });

  it('writes one msg when a caller passes its context explicitly to a Logger that has one', () => {
    const raw: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        raw.push(chunk.toString('utf8'));
        done();
      },
    });
    const nest = new PinoNestLogger(pino({ level: 'info' }, out));
    // What `new Logger('BarrackHttpClient').warn({ msg, ... }, 'BarrackHttpClient')` hands the logger service.
    nest.warn({ msg: 'barrack call failed', status: 400 }, 'BarrackHttpClient', 'BarrackHttpClient');
    expect(raw).toHaveLength(1);
    expect(raw[0]!.match(/"msg":/g)).toHaveLength(1);
    expect(JSON.parse(raw[0]!)).toMatchObject({
      context: 'BarrackHttpClient',
      msg: 'barrack call failed',
      status: 400,
    });
  });

  it("logs an Error as err, and Nest's (message, stack, context) error contract as one err with that stack", () => {
    const { lines, nest } = capture();
    nest.error(new Error('boom'), 'Shutdown');
    nest.error('handler failed', 'Error: handler failed\n    at f (x.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'Shutdown', err: { message: 'boom' } });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'ExceptionsHandler',
      err: { message: 'handler failed', stack: 'Error: handler failed\n    at f (x.ts:1:1)' },
    });
  });

  it('maps verbose to trace and writes nothing below the level', () => {
    const { lines, nest } = capture('debug');
    nest.verbose('not written', 'X');
    nest.debug('written', 'X');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[20, 'written']]);
  });

  it("serves Nest's static Logger once installed (new Logger('Name') anywhere in the code)", () => {
    const { lines, nest } = capture();
    Logger.overrideLogger(nest);
    try {
      new Logger('Audit').log({ msg: 'mutation audited', requestId: 'r-2' });
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines).toEqual([
      expect.objectContaining({ context: 'Audit', msg: 'mutation audited', requestId: 'r-2' }),
    ]);
  });
});
