import { REGIONS } from '../graphql/barrack-enums';
import { toDecimalString } from '../graphql/money.scalar';
import { isUserErrorCode, type UserError } from '../graphql/user-error';
import { GatewayError } from './gateway-error';

/*
 * THE mapping from a business GatewayError (Barrack's refusal, already through upstream-error.map.ts, or the
 * gateway's own) to a UserError in a mutation payload. Field paths are GraphQL argument paths: a Barrack wire
 * name (`public_key`) becomes the input field it came from (`["input", "publicKey"]`) only when that field exists
 * on the mutation's input type; otherwise the path is left out, so Barrack's names never reach a client.
 */

/** What the mapping needs to know about the mutation that failed. */
export interface MutationInputShape {
  /** Field names of the mutation's input type (`input: XInput!`). */
  fields: readonly string[];
  /** Its fields of type ID / [ID] (where a NOT_FOUND points when Barrack does not say which id). */
  idFields: readonly string[];
  /** The input value sent. */
  value: Record<string, unknown> | undefined;
}

/** Barrack wire names whose GraphQL field is not simply the camelCase of them. */
const WIRE_FIELD_ALIASES: Record<string, string> = {
  size: 'sizeGb',
  vm_name: 'newVmName',
  new_vm_name: 'newVmName',
  ssh_key_name: 'sshKeyName',
  virtual_machines: 'instanceIds',
  volume_ids: 'volumeIds',
};

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** Barrack states ('in-use', 'ACTIVE') as GraphQL enum values ('IN_USE', 'ACTIVE'). */
const stateValue = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

function fieldPath(e: GatewayError, input: MutationInputShape): string[] | null {
  const [onlyId, ...otherIds] = input.idFields;
  const named = e.wireField ?? e.details.field;
  if (typeof named === 'string' && named) {
    const candidate = WIRE_FIELD_ALIASES[named] ?? camel(named);
    if (input.fields.includes(candidate)) return ['input', candidate];
    // Barrack refusing the id in its path (`instance_id` of /instances/{instance_id}/start/): the object the input
    // names, when it names one only.
    if (/_id$/.test(named) && onlyId !== undefined && otherIds.length === 0) return ['input', onlyId];
    // A name of a nested field (a rule's remote_ip_prefix) or a wire name with no input field: no path.
    return null;
  }
  // The object the refusal is about, when the input names one object only.
  const aboutTheObject = e.code === 'NOT_FOUND' || e.code === 'INVALID_STATE' || e.code === 'CONFLICT';
  if (aboutTheObject && onlyId !== undefined && otherIds.length === 0) return ['input', onlyId];
  if (e.code === 'NAME_TAKEN') {
    const nameField = ['name', 'newVmName'].find((f) => input.fields.includes(f));
    if (nameField) return ['input', nameField];
  }
  return null;
}

function numberFact(v: unknown): string | null {
  return typeof v === 'number' && Number.isFinite(v) ? toDecimalString(v) : null;
}

function stringList(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : null;
}

/** The UserError for a business refusal; null for any other error (it stays a top-level error). */
export function toUserError(e: unknown, input: MutationInputShape): UserError | null {
  if (!(e instanceof GatewayError) || !isUserErrorCode(e.code)) return null;
  const d = e.details;
  const field = fieldPath(e, input);
  const err: UserError = { code: e.code, message: e.message, field };
  if (e.code === 'INVALID_STATE') {
    const current = d.currentState;
    err.currentState = typeof current === 'string' ? stateValue(current) : null;
    err.allowedFrom = (stringList(d.allowedFrom) ?? stringList(d.allowedStates))?.map(stateValue) ?? null;
  }
  if (e.code === 'OUT_OF_STOCK') {
    // RegionCode values a client can send back as `region`; a region this version does not know is left out.
    err.alternatives = (stringList(d.alternatives) ?? [])
      .map((r) => REGIONS.fromWire(r))
      .filter((r) => r !== 'UNKNOWN');
  }
  if (e.code === 'INSUFFICIENT_CREDITS') {
    err.balance = numberFact(d.balance);
    err.required = numberFact(d.required);
  }
  if (e.code === 'LIMIT_EXCEEDED') err.limit = typeof d.limit === 'number' ? d.limit : null;
  if (e.code === 'NAME_TAKEN' && field?.[1] !== undefined) {
    const taken = input.value?.[field[1]];
    err.name = typeof taken === 'string' ? taken.trim() : null;
  }
  if (e.code === 'BAD_USER_INPUT') {
    if (typeof d.min === 'number') err.min = d.min;
    if (typeof d.max === 'number') err.max = d.max;
  }
  return err;
}
