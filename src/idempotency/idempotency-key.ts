import { createHash } from 'node:crypto';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';

/** Field name the billable inputs carry; also stripped from the fingerprint (it names the intent, not its content). */
export const INPUT_KEY_FIELD = 'idempotencyKey';
export const KEY_HEADER = 'idempotency-key';

/** Printable ASCII only: the key is echoed in extensions and logs, so no control characters. */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

function checkKey(key: string, source: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw new GatewayError('BAD_USER_INPUT', `${source} must be 1-255 printable ASCII characters`, {
      field: source === 'Idempotency-Key header' ? 'Idempotency-Key' : INPUT_KEY_FIELD,
    });
  }
  return key;
}

function inputKeyOf(args: Record<string, unknown>): unknown {
  if (INPUT_KEY_FIELD in args) return args[INPUT_KEY_FIELD];
  for (const v of Object.values(args)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && INPUT_KEY_FIELD in v) {
      return (v as Record<string, unknown>)[INPUT_KEY_FIELD];
    }
  }
  return undefined;
}

/**
 * The key of this call: the Idempotency-Key header or `input.idempotencyKey`. Both given and different is a
 * client bug we refuse rather than guess which one was meant. Undefined when the caller sent none.
 */
export function idempotencyKeyOf(
  args: Record<string, unknown>,
  ctx: Pick<GqlContext, 'req'>,
): string | undefined {
  const rawHeader = ctx.req?.headers?.[KEY_HEADER];
  const header = Array.isArray(rawHeader) ? rawHeader.join(',') : rawHeader;
  const fromInput = inputKeyOf(args);
  const h = header !== undefined ? checkKey(header, 'Idempotency-Key header') : undefined;
  // The schema types it as String; anything else is not a key we could match on.
  const i = typeof fromInput === 'string' ? checkKey(fromInput, INPUT_KEY_FIELD) : undefined;
  if (h !== undefined && i !== undefined && h !== i) {
    throw new GatewayError('BAD_USER_INPUT', 'Idempotency-Key header and input.idempotencyKey differ', {
      field: INPUT_KEY_FIELD,
    });
  }
  return h ?? i;
}

/** JSON with sorted keys and no undefined values, so equal inputs always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function withoutKey(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (k === INPUT_KEY_FIELD) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && INPUT_KEY_FIELD in v) {
      const { [INPUT_KEY_FIELD]: _k, ...rest } = v as Record<string, unknown>;
      out[k] = rest;
    } else {
      out[k] = v;
    }
  }
  return out;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What "the same request" means: the mutation field and its arguments, minus the key itself. */
export function fingerprintOf(operation: string, args: Record<string, unknown>): string {
  return sha256(canonicalJson({ operation, args: withoutKey(args) }));
}
