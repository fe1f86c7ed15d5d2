import type { BarrackOperationId } from '../../src/barrack/contract/operations';
import { SimError } from '../sim-error';
import type { Account, SimInstance, SimState } from '../sim-state';

export interface HandlerContext {
  sim: SimState;
  account: Account;
  params: Record<string, string>;
  /** Query parameters, already validated and coerced against the contract. */
  query: Record<string, unknown>;
  /** Request body, already validated against the contract's request schema. */
  body: unknown;
}

export interface HandlerResult {
  status?: number;
  message: string;
  data: unknown;
  /** Extra top-level envelope fields (the seed's restore-snapshot has `snapshot` and `tier`). */
  extra?: Record<string, unknown>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;
export type HandlerTable = Partial<Record<BarrackOperationId, Handler>>;

export function param(ctx: HandlerContext, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`route has no path parameter ${name}`);
  return v;
}

export function qStr(ctx: HandlerContext, name: string): string | undefined {
  const v = ctx.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function qInt(ctx: HandlerContext, name: string, fallback: number): number {
  const v = ctx.query[name];
  return typeof v === 'number' && Number.isInteger(v) ? v : fallback;
}

/** Bodies are validated against the contract before a handler runs, so the cast only names the type. */
export function bodyOf<T>(ctx: HandlerContext): T {
  return ctx.body as T;
}

export function paginate<T>(
  ctx: HandlerContext,
  items: T[],
  searchable?: (item: T) => string[],
): { items: T[]; pagination: { page: number; page_size: number; total: number; total_pages: number } } {
  const search = qStr(ctx, 'search')?.toLowerCase();
  const filtered =
    search && searchable
      ? items.filter((it) => searchable(it).some((s) => s.toLowerCase().includes(search)))
      : items;
  const page = qInt(ctx, 'page', 1);
  const pageSize = qInt(ctx, 'page_size', 20);
  const start = (page - 1) * pageSize;
  return {
    items: filtered.slice(start, start + pageSize),
    pagination: {
      page,
      page_size: pageSize,
      total: filtered.length,
      total_pages: Math.ceil(filtered.length / pageSize),
    },
  };
}

/** Window bounds from start_date / end_date (zone optional, UTC assumed [HS]). */
export function window(ctx: HandlerContext): { start: number; end: number } {
  return {
    start: parseDate(qStr(ctx, 'start_date'), -Infinity),
    end: parseDate(qStr(ctx, 'end_date'), Infinity),
  };
}

function parseDate(v: string | undefined, fallback: number): number {
  if (!v) return fallback;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  if (Number.isNaN(ms)) {
    throw new SimError(400, 'VALIDATION_ERROR', 'Dates must look like YYYY-MM-DDTHH:MM:SS', { value: v });
  }
  return ms;
}

export function findInstance(ctx: HandlerContext, id: string): SimInstance {
  const inst = ctx.account.instances.get(id);
  if (inst) ctx.sim.settle(inst);
  if (!inst || inst.status === 'DELETED') {
    throw new SimError(404, 'NOT_FOUND', `Instance ${id} not found`, { resource: 'instance', id });
  }
  return inst;
}

/** The balance needed before a VM may start billing: one hour at its rate (documented simulator rule). */
export function requireCredits(ctx: HandlerContext, hourlyRate: number): void {
  const balance = ctx.sim.balance(ctx.account);
  if (balance < hourlyRate) {
    throw new SimError(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits for this operation', {
      balance,
      required: hourlyRate,
      currency: ctx.account.currency,
    });
  }
}

export function requireState(inst: SimInstance, allowed: readonly string[], action: string): void {
  if (!allowed.includes(inst.status)) {
    throw new SimError(409, 'INVALID_STATE', `Cannot ${action} an instance in state ${inst.status}`, {
      current_state: inst.status,
      allowed_from: allowed,
    });
  }
}
