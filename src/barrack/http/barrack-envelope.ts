/*
 * Tolerant reading of Barrack's envelope. The documented form is
 *   { success, message, data, request_id, timestamp }  and errors add  { error: { code, details } };
 * Hyperstack's form is { status, message, <resource_key>: ... } with errors carrying `error_reason`.
 */

/** Envelope fields that are never the payload. */
const META_KEYS = new Set([
  'success',
  'status',
  'message',
  'request_id',
  'timestamp',
  'error',
  'error_reason',
]);

export interface ParsedEnvelope {
  envelope: Record<string, unknown>;
  /** true/false when the envelope says so (`success` or boolean `status`), undefined when silent. */
  success?: boolean;
  data: unknown;
  message?: string;
  requestId?: string;
  errorCode?: string;
  errorDetails?: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Returns undefined when the body is not JSON (or is JSON of no usable shape). */
export function parseEnvelope(text: string, dataKey?: string): ParsedEnvelope | undefined {
  if (text.trim() === '') return { envelope: {}, data: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(body)) return { envelope: {}, data: body };
  if (!isRecord(body)) return undefined;

  const flag =
    typeof body.success === 'boolean'
      ? body.success
      : typeof body.status === 'boolean'
        ? body.status
        : undefined;
  let data: unknown;
  if ('data' in body) data = body.data;
  else if (dataKey && dataKey in body) data = body[dataKey];
  else if (flag === undefined) {
    // No envelope markers: the body is the resource itself (its `status` may well be 'ACTIVE').
    data = body;
  } else {
    const rest = Object.fromEntries(Object.entries(body).filter(([k]) => !META_KEYS.has(k)));
    const keys = Object.keys(rest);
    data = keys.length === 1 ? rest[keys[0] as string] : keys.length ? rest : null;
  }
  const error = isRecord(body.error) ? body.error : undefined;
  return {
    envelope: body,
    success: flag,
    data,
    message: str(body.message),
    requestId: str(body.request_id),
    errorCode:
      str(error?.code) ?? str(body.error_reason) ?? (typeof body.error === 'string' ? body.error : undefined),
    errorDetails: isRecord(error?.details) ? error.details : undefined,
  };
}
