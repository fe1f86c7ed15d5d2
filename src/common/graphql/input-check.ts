import { GatewayError } from '../errors/gateway-error';
import { barrackKeyOf } from './global-id';
import type { UserError } from './user-error';

/*
 * Input validation of mutations, before anything goes upstream. A check collects EVERY problem of the input
 * (a client fixes a form in one round trip), each with the GraphQL path of the field at fault. The rules are
 * Barrack's documented ones, so a typo costs no Barrack request.
 */

export type FieldPath = readonly (string | number)[];

/** [doc] Resource names: 1-50 characters; letters, digits, spaces, '-', '_' and '.'. */
const RESOURCE_NAME = /^[A-Za-z0-9 ._-]{1,50}$/;
/** A Barrack id as it may appear in an upstream path (the same allow-list as barrack-path.ts). */
const RAW_ID = /^[A-Za-z0-9._~-]{1,128}$/;
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9A-Fa-f:]{2,39}\/(\d{1,3})$/;

export class InputCheck {
  private readonly problems: UserError[];

  constructor(
    private readonly base: FieldPath = ['input'],
    shared?: UserError[],
  ) {
    this.problems = shared ?? [];
  }

  /** A check for a nested object (a list item, say) that reports into the same list. */
  at(...path: FieldPath): InputCheck {
    return new InputCheck([...this.base, ...path], this.problems);
  }

  get errors(): UserError[] {
    return this.problems;
  }

  fail(field: string | number | null, message: string, facts: Partial<UserError> = {}): void {
    const path = field === null ? this.base : [...this.base, field];
    this.problems.push({ code: 'BAD_USER_INPUT', message, field: path.map(String), ...facts });
  }

  /** A resource name (1-50 characters: letters, digits, spaces, '-', '_', '.'); undefined/null are skipped. */
  name(field: string, value: string | null | undefined, what = 'name'): void {
    if (value == null) return;
    if (!RESOURCE_NAME.test(value.trim())) {
      this.fail(field, `${what} must be 1-50 characters: letters, digits, spaces, '-', '_' or '.'`);
    }
  }

  /** A string of at most `max` characters (at least `min`). */
  text(field: string, value: string | null | undefined, max: number, min = 0): void {
    if (value == null) return;
    if (value.length < min || value.length > max) {
      this.fail(
        field,
        min > 0
          ? `${field} must be ${min} to ${max} characters`
          : `${field} must be at most ${max} characters`,
        { min, max },
      );
    }
  }

  intRange(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value == null) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `${field} must be an integer from ${min} to ${max}`, { min, max });
    }
  }

  numberRange(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value == null) return;
    if (!Number.isFinite(value) || value < min || value > max) {
      this.fail(field, `${field} must be from ${min} to ${max}`, { min, max });
    }
  }

  oneOf<T extends string | number>(field: string, value: T | null | undefined, allowed: readonly T[]): void {
    if (value == null) return;
    if (!allowed.includes(value)) this.fail(field, `${field} must be one of ${allowed.join(', ')}`);
  }

  /** A list of `min` to `max` items. */
  count(field: string, list: readonly unknown[] | null | undefined, min: number, max: number): void {
    if (list == null) return;
    if (list.length < min || list.length > max) {
      this.fail(field, `${field} must list ${min} to ${max} items`, { min, max });
    }
  }

  /**
   * An id of an object of GraphQL type `typename`: its global id, or Barrack's own id. A global id of another
   * type is refused here, never sent upstream and never answered as NOT_FOUND.
   */
  id(field: string | number, value: string | null | undefined, typename: string): void {
    if (value == null) return;
    const key = barrackKeyOf(value, typename);
    if (key === null) this.fail(field, `${String(field)} must be the id of a ${typename}`);
    else if (!RAW_ID.test(key) || key === '.' || key === '..') {
      this.fail(field, `${String(field)} is not a valid ${typename} id`);
    }
  }

  /** Every id of a list (paths end with the item's index), plus the list's size. */
  ids(field: string, values: readonly string[] | null | undefined, typename: string, max: number): void {
    if (values == null) return;
    this.count(field, values, 1, max);
    values.forEach((v, i) => this.at(field).id(i, v, typename));
  }

  cidr(field: string, value: string | null | undefined, ethertype: 'IPv4' | 'IPv6'): void {
    if (value == null) return;
    const v4 = IPV4_CIDR.exec(value);
    const ok =
      ethertype === 'IPv4'
        ? !!v4 && v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32
        : IPV6_CIDR.test(value) && Number(IPV6_CIDR.exec(value)?.[1]) <= 128;
    if (!ok) {
      this.fail(
        field,
        `${field} must be an ${ethertype} CIDR, e.g. ${ethertype === 'IPv4' ? '0.0.0.0/0' : '::/0'}`,
      );
    }
  }
}

/** The fields a security or firewall rule input shares (GraphQL enum values). */
export interface IpRuleFields {
  protocol: string;
  ethertype: string;
  remoteIpPrefix: string;
  portRangeMin?: number | null;
  portRangeMax?: number | null;
}

/** Barrack's rule for security and firewall rules: CIDR of the ethertype; ports for TCP/UDP only, both or neither. */
export function checkIpRule(check: InputCheck, rule: IpRuleFields): void {
  check.cidr('remoteIpPrefix', rule.remoteIpPrefix, rule.ethertype === 'IPV6' ? 'IPv6' : 'IPv4');
  const { portRangeMin: min, portRangeMax: max } = rule;
  const ported = rule.protocol === 'TCP' || rule.protocol === 'UDP';
  if ((min != null || max != null) && !ported) {
    check.fail('portRangeMin', 'ports apply to TCP and UDP rules only');
    return;
  }
  check.intRange('portRangeMin', min, 1, 65535);
  check.intRange('portRangeMax', max, 1, 65535);
  if ((min == null) !== (max == null)) {
    check.fail(
      min == null ? 'portRangeMin' : 'portRangeMax',
      'give both portRangeMin and portRangeMax, or neither',
    );
  } else if (min != null && max != null && min > max) {
    check.fail('portRangeMin', 'portRangeMin must not exceed portRangeMax');
  }
}

/** A rule set for one mutation's `input` argument. */
export type InputRules<T> = (input: T, check: InputCheck) => void;

/**
 * Rules from a check that throws its first BAD_USER_INPUT (older checks shared with the service's wire mapping):
 * that one problem is reported with its path. Prefer collecting rules; this reports one problem per round trip.
 */
export function firstProblemOf<T>(throwing: (input: T) => unknown): InputRules<T> {
  return (input, check) => {
    try {
      throwing(input);
    } catch (e) {
      if (!(e instanceof GatewayError) || e.code !== 'BAD_USER_INPUT') throw e;
      const field = e.details.field;
      check.fail(typeof field === 'string' ? field : null, e.message);
    }
  };
}

/** Runs `rules` on `input`; the problems found (empty when the input is valid). */
export function checkInput<T>(rules: InputRules<T>, input: T): UserError[] {
  const check = new InputCheck();
  rules(input, check);
  return check.errors;
}

/**
 * The Barrack key of an id that passed InputCheck.id. Services call this; the check has already refused ids of
 * another type, so the error only guards a caller without rules.
 */
export function keyOf(id: string, typename: string, field = 'id'): string {
  const key = barrackKeyOf(id, typename);
  if (key === null)
    throw new GatewayError('BAD_USER_INPUT', `${field} must be the id of a ${typename}`, { field });
  return key;
}
