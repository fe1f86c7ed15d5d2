import { parseArgs, parseDuration } from './main';

describe('simulator CLI', () => {
  it('parses durations in ms and s', () => {
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('7')).toBe(7);
    expect(() => parseDuration('fast')).toThrow('not a duration');
  });

  it('reads --port, --latency, --delay and --no-seed (with = or a separate value)', () => {
    expect(parseArgs(['--port', '0', '--latency=20ms', '--delay', '0', '--no-seed'])).toEqual({
      port: 0,
      host: '127.0.0.1',
      latencyMs: 20,
      transitionDelayMs: 0,
      seed: 'none',
    });
    expect(parseArgs([])).toMatchObject({ port: 4010, transitionDelayMs: 1500, seed: 'demo' });
  });

  it('rejects unknown flags and bad ports', () => {
    expect(() => parseArgs(['--nope'])).toThrow('unknown flag');
    expect(() => parseArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseArgs(['--latency'])).toThrow('needs a value');
  });
});
