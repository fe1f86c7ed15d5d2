/* eslint-disable @typescript-eslint/no-explicit-any -- the bodies checked here are untyped JSON of the systems under test */
import type { Check, GqlBody } from '../bench.config';

/*
 * autocannon with a check on every response: a request counts as an answer only when the status is 200 and
 * the body passes the scenario's check. Errors (status, GraphQL errors, wrong shape, timeouts) are counted
 * and a few samples kept, so "fast" can never mean "failed fast".
 */

export interface OneRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How to judge the answer. */
  verify: (status: number, text: string) => Verdict;
}

export type Verdict = { kind: 'ok' } | { kind: 'business'; code: string } | { kind: 'error'; reason: string };

/** Builds the request number `seq` (global) for connection `slot`, step `step` of that connection. */
export type RequestFactory = (slot: number, seq: number, step: number) => OneRequest;

export interface LoadResult {
  durationS: number;
  connections: number;
  /** Correct answers per second (business answers are not counted here). */
  okPerSec: number;
  ok: number;
  /** Correct business refusals (e.g. INVALID_STATE in the mutation mix), counted apart. */
  business: number;
  businessCodes: Record<string, number>;
  errors: number;
  /** Requests autocannon saw time out or fail at the socket level (also in errors). */
  timeouts: number;
  answered: number;
  latencyMs: { p50: number; p90: number; p99: number; avg: number; max: number };
  errorSamples: string[];
}

// autocannon ships no type declarations; only its promise API is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<unknown>;

const MAX_SAMPLES = 5;

/** A verifier for GraphQL answers: 200, no errors (unless a business code), and the scenario's check. */
export function gqlVerify(check: Check, vars: Record<string, unknown>, businessCodes: string[] = []) {
  return (status: number, text: string): Verdict => {
    let body: GqlBody;
    try {
      body = JSON.parse(text) as GqlBody;
    } catch {
      return { kind: 'error', reason: `status ${status}, not JSON: ${text.slice(0, 120)}` };
    }
    if (body.errors?.length) {
      const rawCode = body.errors[0]?.extensions?.code;
      const code = typeof rawCode === 'string' ? rawCode : 'NO_CODE';
      if (status === 200 && businessCodes.includes(code) && body.errors.length === 1)
        return { kind: 'business', code };
      return { kind: 'error', reason: `status ${status}, ${code}: ${body.errors[0]?.message.slice(0, 160)}` };
    }
    if (status !== 200) return { kind: 'error', reason: `status ${status}` };
    // A mutation's refusal is data: the root payload's userErrors.
    const payload = Object.values((body.data ?? {}) as Record<string, unknown>)[0] as
      { userErrors?: { code?: unknown }[] } | undefined;
    const refusal = payload?.userErrors?.[0]?.code;
    if (typeof refusal === 'string') {
      return businessCodes.includes(refusal)
        ? { kind: 'business', code: refusal }
        : { kind: 'error', reason: `userError ${refusal}` };
    }
    const problem = check(body, vars);
    return problem ? { kind: 'error', reason: `wrong shape: ${problem}` } : { kind: 'ok' };
  };
}

/** A verifier for plain JSON (the simulator's REST ceiling). */
export function jsonVerify(check: (body: any) => string | undefined) {
  return (status: number, text: string): Verdict => {
    if (status !== 200) return { kind: 'error', reason: `status ${status}` };
    try {
      const problem = check(JSON.parse(text));
      return problem ? { kind: 'error', reason: problem } : { kind: 'ok' };
    } catch {
      return { kind: 'error', reason: 'not JSON' };
    }
  };
}

export function gqlPost(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  check: Check,
  businessCodes: string[] = [],
): OneRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    verify: gqlVerify(check, variables, businessCodes),
  };
}

interface ClientContext {
  slot: number;
  verify?: OneRequest['verify'];
}

/** Runs `factory` against `origin` for `durationS` seconds with `connections` keep-alive connections. */
export async function runLoad(
  origin: string,
  factory: RequestFactory,
  connections: number,
  durationS: number,
): Promise<LoadResult> {
  let seq = 0;
  let slots = 0;
  const steps = new Map<number, number>();
  const counts = { ok: 0, business: 0, errors: 0 };
  const businessCodes: Record<string, number> = {};
  const samples: string[] = [];
  const record = (v: Verdict): void => {
    if (v.kind === 'ok') counts.ok++;
    else if (v.kind === 'business') {
      counts.business++;
      businessCodes[v.code] = (businessCodes[v.code] ?? 0) + 1;
    } else {
      counts.errors++;
      if (samples.length < MAX_SAMPLES) samples.push(v.reason);
    }
  };

  const result = await autocannon({
    url: origin,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    initialContext: { slot: -1 },
    // Each connection gets its own slot (e.g. its own VM in the mutation mix). autocannon builds a client's
    // first request before this hook, so it is rebuilt once the slot is known.
    setupClient: (client: any) => {
      const it = client.requestIterator;
      it.initialContext = { slot: slots++ };
      it.resetContext();
      it.rebuildRequest();
    },
    requests: [
      {
        setupRequest: (req: any, context: ClientContext) => {
          const step = steps.get(context.slot) ?? 0;
          steps.set(context.slot, step + 1);
          const r = factory(Math.max(0, context.slot), seq++, step);
          context.verify = r.verify;
          // A copy: autocannon adds Content-Length to the headers object it is given.
          return { ...req, method: r.method, path: r.path, headers: { ...r.headers }, body: r.body };
        },
        onResponse: (status: number, body: string, context: ClientContext) => {
          if (context.verify) record(context.verify(status, body));
        },
      },
    ],
  });

  const r = result as any;
  const socketErrors = Number(r.errors ?? 0) + Number(r.timeouts ?? 0);
  if (socketErrors && samples.length < MAX_SAMPLES) samples.push(`${socketErrors} socket errors/timeouts`);
  const answered = counts.ok + counts.business + counts.errors;
  return {
    durationS: Number(r.duration),
    connections,
    okPerSec: counts.ok / Number(r.duration),
    ok: counts.ok,
    business: counts.business,
    businessCodes,
    errors: counts.errors + socketErrors,
    timeouts: Number(r.timeouts ?? 0),
    answered,
    latencyMs: {
      p50: Number(r.latency.p50),
      p90: Number(r.latency.p90),
      p99: Number(r.latency.p99),
      avg: Number(r.latency.average),
      max: Number(r.latency.max),
    },
    errorSamples: samples,
  };
}
