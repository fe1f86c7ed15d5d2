import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ValidateFunction } from 'ajv/dist/2020';
import type { BarrackOperationId } from '../src/barrack/contract/operations';
import type { Handler, HandlerResult } from './handlers/handler';
import { iso } from './sim-clock';
import { compileContract, describeAjvErrors, matchRoute, type CompiledContract } from './sim-contract';
import { SimError, codeForStatus, type ErrorCode } from './sim-error';
import type { FaultRegistry } from './sim-faults';
import type { RequestLog } from './sim-request-log';
import type { SimState } from './sim-state';

const MAX_BODY_BYTES = 1024 * 1024;

export interface SimServerDeps {
  sim: SimState;
  handlers: Map<BarrackOperationId, Handler>;
  faults: FaultRegistry;
  log: RequestLog;
  prefix: string;
  /** Answers /__sim/... requests; returns false when the path is not an admin path. */
  admin: (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ) => boolean;
}

/** The Barrack key of a request, from any of the three accepted headers. */
export function credentialOf(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ')
    return auth.slice(7).trim() || null;
  const x = req.headers['x-api-key'] ?? req.headers['api_key'];
  const v = Array.isArray(x) ? x[0] : x;
  return v ? v.trim() || null : null;
}

/**
 * The HTTP face of the simulator: plain node:http, routes precompiled from the contract, no per-request
 * allocation beyond the reply itself (GET /regions/ is the benchmark's yardstick).
 */
export class SimServer {
  private readonly contract: CompiledContract = compileContract();
  private requestCounter = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Responses left hanging on purpose; ended when the simulator closes. */
  readonly hanging = new Set<ServerResponse>();

  constructor(private readonly deps: SimServerDeps) {}

  listener = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const search = q < 0 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
    if (rawPath.startsWith('/__sim/') || rawPath === '/__sim') {
      this.readBody(req, res, (body) => {
        if (!this.deps.admin(req, res, rawPath, new URLSearchParams(search), body)) {
          this.sendError(res, this.nextRequestId(), 404, 'NOT_FOUND', 'No such admin path');
        }
      });
      return;
    }
    if (hasBody) this.readBody(req, res, (body) => this.handle(req, res, method, rawPath, search, body));
    else {
      // Drain any stray body so the keep-alive connection stays usable.
      req.resume();
      this.handle(req, res, method, rawPath, search, undefined);
    }
  };

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  private nextRequestId(): string {
    this.requestCounter++;
    return `sim_${this.requestCounter.toString(36).padStart(6, '0')}`;
  }

  private readBody(req: IncomingMessage, res: ServerResponse, done: (body: unknown) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        this.sendError(res, this.nextRequestId(), 400, 'VALIDATION_ERROR', 'Request body too large');
        return;
      }
      if (size === 0) return done(undefined);
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        done(INVALID_JSON);
      }
    });
  }

  private handle(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    rawPath: string,
    search: string,
    body: unknown,
  ): void {
    const { prefix, faults, log } = this.deps;
    const requestId = this.nextRequestId();
    const credential = credentialOf(req);
    const callerId = req.headers['x-request-id'];
    const traceparent = req.headers.traceparent;
    let path = rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : null;
    if (path !== null && !path.endsWith('/')) path += '/';
    const match = path !== null && path.startsWith('/') ? matchRoute(this.contract, method, path) : undefined;
    const record = (status: number) =>
      log.record({
        operationId: match?.route.operationId ?? null,
        method,
        path: rawPath,
        credential,
        requestId: typeof callerId === 'string' ? callerId : null,
        traceparent: typeof traceparent === 'string' ? traceparent : null,
        status,
        at: iso(this.deps.sim.clock.nowMs()),
      });
    const decision = faults.decide(match?.route.operationId, method, match?.route.template);
    const run = () => {
      if (decision.hang) {
        record(0);
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      const status = this.respond(res, requestId, method, match, credential, search, body, decision.status);
      record(status);
    };
    if (decision.latencyMs > 0) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        run();
      }, decision.latencyMs);
      this.timers.add(t);
    } else {
      run();
    }
  }

  private respond(
    res: ServerResponse,
    requestId: string,
    method: string,
    match: ReturnType<typeof matchRoute>,
    credential: string | null,
    search: string,
    body: unknown,
    forcedStatus: number | null,
  ): number {
    if (forcedStatus !== null) {
      return this.sendError(res, requestId, forcedStatus, codeForStatus(forcedStatus), 'Injected fault');
    }
    if (!match) return this.sendError(res, requestId, 404, 'NOT_FOUND', `No route for ${method} on this API`);
    const account = credential ? this.deps.sim.accountsByKey.get(credential) : undefined;
    if (!account) return this.sendError(res, requestId, 401, 'UNAUTHORIZED', 'Missing or invalid API key');
    const { route, params } = match;
    try {
      check(route.validateParams(), params);
      const query: Record<string, unknown> = search ? Object.fromEntries(new URLSearchParams(search)) : {};
      for (const name of route.integerQuery) {
        const v = query[name];
        // Only clean integers are converted; anything else stays text and fails the schema.
        if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) query[name] = Number(v);
      }
      if (search) check(route.validateQuery(), query);
      const validateBody = route.validateBody();
      if (validateBody) {
        if (body === INVALID_JSON)
          throw new SimError(400, 'VALIDATION_ERROR', 'Request body is not valid JSON');
        check(validateBody, body);
      }
      const handler = this.deps.handlers.get(route.operationId);
      if (!handler) throw new Error(`no handler for ${route.operationId}`);
      const result = handler({ sim: this.deps.sim, account, params, query, body });
      return this.sendSuccess(res, requestId, result);
    } catch (e) {
      if (e instanceof SimError)
        return this.sendError(res, requestId, e.status, e.code, e.message, e.details);
      return this.sendError(res, requestId, 500, 'INTERNAL', 'Internal simulator error', {
        reason: e instanceof Error ? e.message : String(e),
      });
    }
  }

  private sendSuccess(res: ServerResponse, requestId: string, result: HandlerResult): number {
    const status = result.status ?? 200;
    const payload = JSON.stringify({
      success: true,
      message: result.message,
      data: result.data,
      request_id: requestId,
      timestamp: iso(this.deps.sim.clock.nowMs()),
      ...result.extra,
    });
    this.write(res, status, requestId, payload);
    return status;
  }

  sendError(
    res: ServerResponse,
    requestId: string,
    status: number,
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> | null = null,
  ): number {
    const payload = JSON.stringify({
      success: false,
      message,
      error: { code, details },
      request_id: requestId,
      timestamp: iso(this.deps.sim.clock.nowMs()),
    });
    if (status === 429 || status === 503) res.setHeader('retry-after', '1');
    this.write(res, status, requestId, payload);
    return status;
  }

  private write(res: ServerResponse, status: number, requestId: string, payload: string): void {
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'x-request-id': requestId,
    });
    res.end(payload);
  }
}

function check(validate: ValidateFunction | null, value: unknown): void {
  if (validate && !validate(value)) {
    const e = describeAjvErrors(validate);
    throw new SimError(400, 'VALIDATION_ERROR', e.message, e.details);
  }
}

/** Marker for a body that was not JSON (distinct from "no body"). */
const INVALID_JSON = Symbol('invalid-json');
