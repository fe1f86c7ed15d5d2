export interface RequestLogEntry {
  operationId: string | null;
  method: string;
  path: string;
  /** The Barrack key the request carried (it is the simulator's own fake key), or null. */
  credential: string | null;
  /** The caller's x-request-id header, when it sent one. */
  requestId: string | null;
  /** The caller's W3C `traceparent` header, when it sent one (the gateway does with tracing on). */
  traceparent: string | null;
  /** 0 when the request was left hanging by a fault. */
  status: number;
  at: string;
}

export interface RequestCounters {
  total: number;
  byOperation: Record<string, number>;
  byCredential: Record<string, number>;
  byCredentialOperation: Record<string, Record<string, number>>;
}

/** Entries kept in memory; counters are exact regardless (benchmarks send millions of requests). */
const MAX_ENTRIES = 20_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counters: RequestCounters = emptyCounters();

  record(entry: RequestLogEntry): void {
    if (this.entries.length >= MAX_ENTRIES) this.entries = this.entries.slice(MAX_ENTRIES / 2);
    this.entries.push(entry);
    const c = this.counters;
    c.total++;
    const op = entry.operationId ?? '(unmatched)';
    c.byOperation[op] = (c.byOperation[op] ?? 0) + 1;
    if (entry.credential !== null) {
      c.byCredential[entry.credential] = (c.byCredential[entry.credential] ?? 0) + 1;
      const per = (c.byCredentialOperation[entry.credential] ??= {});
      per[op] = (per[op] ?? 0) + 1;
    }
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  snapshot(): RequestCounters {
    return structuredClone(this.counters);
  }

  reset(): void {
    this.entries = [];
    this.counters = emptyCounters();
  }
}

function emptyCounters(): RequestCounters {
  return { total: 0, byOperation: {}, byCredential: {}, byCredentialOperation: {} };
}
