import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/*
 * Child processes of a run and what /proc says about them. Every server under test runs in its own process so
 * its CPU and memory are its own, and so the load generator (this process) never shares its event loop.
 */

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Spawns a child whose stdout/stderr go to `logFile` (kept in bench/results for post-mortems). */
export function startChild(
  name: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions,
  logFile: string,
): Child {
  const out = createWriteStream(logFile, { flags: 'a' });
  const proc = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.pipe(out);
  proc.stderr?.pipe(out);
  if (proc.pid === undefined) throw new Error(`${name}: spawn failed`);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    const done = await Promise.race([exited.then(() => true), delay(timeoutMs).then(() => false)]);
    if (!done) {
      proc.kill('SIGKILL');
      await exited;
    }
  };
  return { name, proc, pid: proc.pid, exited, stop };
}

/** Polls `probe` until it is true; fails early when the child dies, with the tail of its log. */
export async function waitReady(
  child: Child,
  probe: () => Promise<boolean>,
  logFile: string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) break;
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
  throw new Error(`${child.name} did not become ready (exit ${child.proc.exitCode}):\n${tail}`);
}

const CLK_TCK = 100;

/** A process and its descendants (a CLI that forks a worker is measured as a whole). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i] as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/)) {
          if (c) out.push(Number(c));
        }
      } catch {
        // task ended
      }
    }
  }
  return out;
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may contain spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export interface ProcStats {
  /** CPU time over wall time, in percent of one core (200 = both cores of this machine). */
  cpuPercent: number;
  /** Highest resident set seen during the window (max of VmHWM after a reset and of 200 ms samples), MB. */
  peakRssMb: number;
}

/** Measures CPU and peak RSS of a process tree between start() and stop(). */
export class ProcSampler {
  private startTicks = 0;
  private startAt = 0;
  private peakKb = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number) {}

  start(): void {
    const tree = processTree(this.pid);
    for (const p of tree) {
      try {
        // 5 = reset the peak RSS (VmHWM) to the current RSS, so the peak is this window's.
        writeFileSync(`/proc/${p}/clear_refs`, '5');
      } catch {
        // not permitted: the 200 ms samples still give a peak
      }
    }
    this.startTicks = tree.reduce((s, p) => s + cpuTicks(p), 0);
    this.startAt = performance.now();
    this.peakKb = 0;
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  private sample(): void {
    const kb = processTree(this.pid).reduce((s, p) => s + statusKb(p, 'VmRSS'), 0);
    if (kb > this.peakKb) this.peakKb = kb;
  }

  stop(): ProcStats {
    if (this.timer) clearInterval(this.timer);
    const tree = processTree(this.pid);
    const ticks = tree.reduce((s, p) => s + cpuTicks(p), 0) - this.startTicks;
    const seconds = (performance.now() - this.startAt) / 1000;
    const hwm = tree.reduce((s, p) => s + statusKb(p, 'VmHWM'), 0);
    this.sample();
    return {
      cpuPercent: seconds > 0 ? (ticks / CLK_TCK / seconds) * 100 : 0,
      peakRssMb: Math.max(hwm, this.peakKb) / 1024,
    };
  }
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** The 1-minute load average as a number (NaN where /proc/loadavg does not exist). */
export function loadAverage1(): number {
  return Number(loadAverage().split(' ')[0]);
}

/**
 * Waits (bounded) until the 1-minute load average is below `maxLoad`: a benchmark on a busy machine measures
 * the other work. Returns the load it starts with and how long it waited; never throws.
 */
export async function waitForQuiet(
  maxLoad: number,
  maxWaitS: number,
  log: (msg: string) => void,
): Promise<{ load: number; waitedS: number }> {
  const t0 = Date.now();
  let load = loadAverage1();
  if (!(load >= maxLoad)) return { load, waitedS: 0 };
  log(`load average ${load.toFixed(2)} >= ${maxLoad}: waiting up to ${maxWaitS} s for a quieter machine`);
  while (load >= maxLoad && Date.now() - t0 < maxWaitS * 1000) {
    await new Promise((r) => setTimeout(r, 5_000));
    load = loadAverage1();
  }
  const waitedS = Math.round((Date.now() - t0) / 1000);
  log(
    `  load average ${load.toFixed(2)} after ${waitedS} s${load >= maxLoad ? ' (still high: measuring anyway, the report says so)' : ''}`,
  );
  return { load, waitedS };
}
