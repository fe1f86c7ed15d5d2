import { Writable } from 'node:stream';

/** Collects a gateway's JSON log lines (its logDestination), skipping anything that is not JSON. */
export class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not JSON: not a request line */
      }
    }
    done();
  }
  /** Request lines answered by the response-cache fast path, for the given request ids. */
  fastHits(requestIds: (string | null)[]): number {
    return this.lines.filter(
      (l) => l.responseCache === 'fast-hit' && requestIds.includes(l.requestId as string),
    ).length;
  }
  /** The completion line(s) of one request. */
  requestLines(requestId: string | null): Record<string, unknown>[] {
    return this.lines.filter((l) => l.requestId === requestId && l.latencyMs !== undefined);
  }
}

/** A request's log line is written when its response finishes: poll for a condition (bounded). */
export async function eventually(check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}
