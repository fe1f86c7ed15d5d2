import { GatewayError } from '../errors/gateway-error';
import { toDecimalString } from '../graphql/money.scalar';

/*
 * Small conversions every compute mapper shares. Barrack timestamps may come without a zone (Hyperstack
 * style "2024-11-04T10:48:13"); the contract says UTC, so a zone-less value is read as UTC.
 */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

export function wireDateOrNull(v: string | null | undefined): Date | null {
  if (!v) return null;
  // Barrack's usual form ends in Z: no pattern to run for it.
  const d = new Date(v.endsWith('Z') || HAS_ZONE.test(v) || !v.includes('T') ? v : `${v}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A timestamp the contract requires: a missing or unreadable one means Barrack broke the contract. */
export function wireDate(v: string | null | undefined, field: string): Date {
  const d = wireDateOrNull(v);
  if (!d) throw new GatewayError('UPSTREAM_BAD_RESPONSE', `Barrack sent an unreadable ${field}`);
  return d;
}

export function moneyOrNull(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'string' ? Number(v) : v;
  return Number.isFinite(n) ? toDecimalString(n) : null;
}

export function intOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;
}

export function strOrNull(v: string | null | undefined): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Barrack's paged-list query (`page`, `page_size`, and `search` only when given). */
export function toPageQuery(
  page: number,
  pageSize: number,
  search: string | undefined,
): { page: number; page_size: number; search?: string } {
  return { page, page_size: pageSize, search: search || undefined };
}
