import type { TestGateway } from '../helpers/gateway';

/*
 * Bounded traffic against gateway replicas for the failover tests: alternating a cached read (`regions`: rate
 * limit + response cache in Redis) and an idempotent write (`createScript` with an Idempotency-Key: the
 * idempotency store in Redis, which fails closed). Each outcome is recorded with its time, so a test can
 * count the failed requests and the window they fell in.
 */

export interface Outcome {
  at: number;
  ok: boolean;
  kind: 'read' | 'write';
  /** error code (and reason) of a failed request, or the HTTP status when the body had none */
  error?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const READ = '{ regions { code } }';
const WRITE = `mutation($input: CreateScriptInput!) { createScript(input: $input) { __typename } }`;

export interface TrafficOptions {
  /** total requests over all replicas */
  requests: number;
  /** requests in flight per replica */
  concurrency?: number;
  /** called once after this many requests have finished (the test triggers its fault there) */
  faultAfter?: number;
  onFault?: () => Promise<void>;
  label: string;
}

export async function runTraffic(gws: TestGateway[], opts: TrafficOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let started = 0;
  const faults: Promise<void>[] = [];
  const one = async (gw: TestGateway, n: number): Promise<void> => {
    const kind = n % 2 === 0 ? 'read' : 'write';
    try {
      const r =
        kind === 'read'
          ? await gw.gql(READ)
          : await gw.gql(
              WRITE,
              { input: { name: `${opts.label}-${n}`, content: '#!/bin/sh\necho ok\n' } },
              { headers: { 'Idempotency-Key': `${opts.label}-${n}` } },
            );
      const err = r.body.errors?.[0]?.extensions;
      const ok = r.status === 200 && !r.body.errors;
      outcomes.push({
        at: Date.now(),
        ok,
        kind,
        ...(ok ? {} : { error: err ? `${str(err.code)}/${str(err.reason)}` : `HTTP ${r.status}` }),
      });
    } catch (e) {
      outcomes.push({ at: Date.now(), ok: false, kind, error: e instanceof Error ? e.message : String(e) });
    }
    if (opts.onFault && !faults.length && outcomes.length >= (opts.faultAfter ?? Infinity))
      faults.push(opts.onFault());
  };
  const worker = async (gw: TestGateway): Promise<void> => {
    while (started < opts.requests) await one(gw, started++);
  };
  const concurrency = opts.concurrency ?? 2;
  await Promise.all(gws.flatMap((gw) => Array.from({ length: concurrency }, () => worker(gw))));
  await Promise.all(faults);
  return outcomes;
}

/** Failed requests, the span from the first to the last failure, and the distinct error codes. */
export function summarize(outcomes: Outcome[]): {
  total: number;
  failed: number;
  failedReads: number;
  failedWrites: number;
  failureWindowMs: number;
  errors: string[];
} {
  const failed = outcomes.filter((o) => !o.ok);
  return {
    total: outcomes.length,
    failed: failed.length,
    failedReads: failed.filter((o) => o.kind === 'read').length,
    failedWrites: failed.filter((o) => o.kind === 'write').length,
    failureWindowMs: failed.length ? failed[failed.length - 1]!.at - failed[0]!.at : 0,
    errors: [...new Set(failed.map((o) => o.error ?? '?'))],
  };
}
