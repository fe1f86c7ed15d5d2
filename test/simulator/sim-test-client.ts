import { BARRACK_OPERATIONS, type BarrackOperationId } from '../../src/barrack/contract/operations';
import { validateResponse } from '../../src/barrack/contract/contract-validator';

/*
 * A tiny client for simulator e2e specs: calls an operation by its operationId (path and method from the
 * contract), and checks every reply against the contract's response schema for the status it came with.
 */

export interface SimReply {
  status: number;
  // Replies are JSON of the contract's shapes, already validated; specs read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface OpRequest {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  key?: string | null;
  headers?: Record<string, string>;
  /** Send the path without its trailing slash (both forms are served). */
  noTrailingSlash?: boolean;
}

export class SimTestClient {
  readonly called = new Map<string, number[]>();

  constructor(
    private readonly baseUrl: string,
    private readonly defaultKey: string,
  ) {}

  async op(operationId: BarrackOperationId, req: OpRequest = {}): Promise<SimReply> {
    const def = BARRACK_OPERATIONS.find((o) => o.operationId === operationId);
    if (!def) throw new Error(`unknown operation ${operationId}`);
    let path: string = def.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const v = req.params?.[name];
      if (v === undefined) throw new Error(`${operationId}: missing path param ${name}`);
      return encodeURIComponent(v);
    });
    if (req.noTrailingSlash) path = path.replace(/\/$/, '');
    const qs = req.query
      ? `?${new URLSearchParams(Object.entries(req.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
      : '';
    const key = req.key === undefined ? this.defaultKey : req.key;
    const headers: Record<string, string> = { ...req.headers };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}${qs}`, {
      method: def.method.toUpperCase(),
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const statuses = this.called.get(operationId) ?? [];
    statuses.push(res.status);
    this.called.set(operationId, statuses);
    const check = validateResponse(operationId, res.status, body);
    if (!check.valid) {
      throw new Error(
        `${operationId} ${res.status} does not match the contract:\n${check.errors.join('\n')}\n${text.slice(0, 2000)}`,
      );
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** Calls and insists on one status, showing the body when it differs. */
  async expect(operationId: BarrackOperationId, status: number, req: OpRequest = {}): Promise<SimReply> {
    const r = await this.op(operationId, req);
    if (r.status !== status) {
      throw new Error(`${operationId}: expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    }
    return r;
  }
}
