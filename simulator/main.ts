import { startSimulator, DEMO_API_KEY, OTHER_API_KEY } from './simulator';

/*
 * `npm run sim [-- --port 4010 --host 127.0.0.1 --latency 20ms --delay 1500ms --no-seed]`
 * Starts the Barrack simulator standalone with the demo accounts.
 */

export interface SimCliOptions {
  port: number;
  host: string;
  latencyMs: number;
  transitionDelayMs: number;
  seed: 'demo' | 'none';
}

/** "20ms", "1.5s", "20" (ms) → milliseconds. */
export function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(v.trim());
  if (!m) throw new Error(`not a duration: ${v} (use e.g. 20ms or 1.5s)`);
  const n = Number(m[1]);
  return Math.round(m[2] === 's' ? n * 1000 : n);
}

export function parseArgs(argv: readonly string[]): SimCliOptions {
  const out: SimCliOptions = {
    port: 4010,
    host: '127.0.0.1',
    latencyMs: 0,
    transitionDelayMs: 1500,
    seed: 'demo',
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const [flag, inline] = raw.includes('=') ? raw.split(/=(.*)/s) : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        out.port = Number.parseInt(value(), 10);
        if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
          throw new Error('--port: 0-65535');
        break;
      case '--host':
        out.host = value();
        break;
      case '--latency':
        out.latencyMs = parseDuration(value());
        break;
      case '--delay':
        out.transitionDelayMs = parseDuration(value());
        break;
      case '--no-seed':
        out.seed = 'none';
        break;
      default:
        throw new Error(`unknown flag ${raw}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const sim = await startSimulator(opts);
  console.log(`Barrack simulator on ${sim.url} (admin: ${sim.origin}/__sim/requests)`);
  if (opts.seed === 'demo') console.log(`Demo keys: ${DEMO_API_KEY} (USD), ${OTHER_API_KEY} (EUR)`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
