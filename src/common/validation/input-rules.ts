import { GatewayError } from '../errors/gateway-error';

/*
 * Checks done before any upstream call, with Barrack's documented rules, so a typo costs no Barrack request
 * and the client learns which field is wrong.
 */

/** [doc] Resource names: 1-50 characters; letters, digits, spaces, '-', '_' and '.'. */
const RESOURCE_NAME = /^[A-Za-z0-9 ._-]{1,50}$/;

export function assertResourceName(field: string, value: string): string {
  const v = value.trim();
  if (!RESOURCE_NAME.test(v)) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `${field} must be 1-50 characters: letters, digits, spaces, '-', '_' or '.'`,
      { field },
    );
  }
  return v;
}

export function assertIntRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GatewayError('BAD_USER_INPUT', `${field} must be an integer from ${min} to ${max}`, { field });
  }
  return value;
}

export function assertOneOf<T extends number | string>(field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new GatewayError('BAD_USER_INPUT', `${field} must be one of ${allowed.join(', ')}`, { field });
  }
  return value;
}

export function assertNonEmpty<T>(field: string, list: readonly T[], max = 50): readonly T[] {
  if (list.length === 0 || list.length > max) {
    throw new GatewayError('BAD_USER_INPUT', `${field} must list 1 to ${max} items`, { field });
  }
  return list;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9A-Fa-f:]{2,39}\/(\d{1,3})$/;

export function assertCidr(field: string, value: string, ethertype: 'IPv4' | 'IPv6'): string {
  const v4 = IPV4_CIDR.exec(value);
  const ok =
    ethertype === 'IPv4'
      ? !!v4 && v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32
      : IPV6_CIDR.test(value) && Number(IPV6_CIDR.exec(value)?.[1]) <= 128;
  if (!ok)
    throw new GatewayError(
      'BAD_USER_INPUT',
      `${field} must be an ${ethertype} CIDR, e.g. ${ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0'}`,
      { field },
    );
  return value;
}

/** Billing windows travel as ISO timestamps; Barrack wants YYYY-MM-DDTHH:MM:SS (UTC). */
export function billingWindow(start?: Date | null, end?: Date | null): { start?: string; end?: string } {
  if (start && end && start.getTime() > end.getTime()) {
    throw new GatewayError('BAD_USER_INPUT', 'start must not be after end', { field: 'start' });
  }
  const fmt = (d: Date) => d.toISOString().slice(0, 19);
  return { start: start ? fmt(start) : undefined, end: end ? fmt(end) : undefined };
}

export function assertPage(page: number, pageSize: number): void {
  assertIntRange('page', page, 1, 100_000);
  assertIntRange('pageSize', pageSize, 1, 100);
}
