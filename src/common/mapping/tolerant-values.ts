import { toDecimalString } from '../graphql/money.scalar';

/*
 * Tolerant readers for the catalogue and account-resource mappers. Barrack's shapes are reconstructed, so a
 * field that comes as a string instead of a number, or not at all, degrades to null instead of failing the
 * whole response. (The compute mappers use wire-values.ts.)
 */

/** Money or a rate as an exact decimal string; null when absent or unreadable. */
export function decimalOrNull(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return toDecimalString(v);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return v.trim();
  return null;
}

/** Like decimalOrNull, for amounts the schema declares non-null: an unreadable amount reads as "0". */
export function decimal(v: unknown): string {
  return decimalOrNull(v) ?? '0';
}

export function intOrNull(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

export function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** Barrack timestamps may lack a zone (Hyperstack style); they are UTC. Unreadable → null. */
export function dateOrNull(v: unknown): Date | null {
  if (typeof v !== 'string' || !v) return null;
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Like dateOrNull, for timestamps the schema declares non-null: the epoch marks "unknown". */
export function date(v: unknown): Date {
  return dateOrNull(v) ?? new Date(0);
}
