import { GatewayError } from '../../common/errors/gateway-error';
import type { BarrackCall } from './barrack-call';

/*
 * Building the upstream path is where a hostile id could steer a call to another endpoint ("../../balance",
 * "a/b?x=1"), so every path value is checked against a strict allow-list before it is encoded.
 */
const SAFE_PATH_VALUE = /^[A-Za-z0-9._~-]{1,128}$/;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export function assertSafePathValue(name: string, value: unknown): string {
  if (typeof value !== 'string' || !SAFE_PATH_VALUE.test(value) || value === '.' || value === '..') {
    // The message names no parameter: `name` is Barrack's (instance_id), and errors speak the schema's names.
    const e = new GatewayError(
      'BAD_USER_INPUT',
      "Invalid id: use 1-128 letters, digits, '.', '_', '~' or '-'",
    );
    e.wireField = name;
    throw e;
  }
  return value;
}

/** The path relative to the base URL's own path, with every {param} validated and percent-encoded. */
export function renderPath(call: Pick<BarrackCall, 'path' | 'pathParams'>): string {
  const params = call.pathParams ?? {};
  const rendered = call.path.replace(PLACEHOLDER, (_m, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      // A template/params mismatch is a programming error in an api class, not bad client input.
      throw new Error(`Barrack path ${call.path} is missing parameter ${name}`);
    }
    return encodeURIComponent(assertSafePathValue(name, params[name]));
  });
  if (rendered.includes('{') || rendered.includes('}') || !rendered.startsWith('/')) {
    throw new Error(`Barrack path template ${call.path} is malformed`);
  }
  return rendered;
}

export function renderQuery(query: BarrackCall['query']): string {
  if (!query) return '';
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined) qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** Splits a base URL such as https://barrack.ai/api into its origin and its path prefix ('/api'). */
export function splitBaseUrl(baseUrl: string): { origin: string; prefix: string } {
  const u = new URL(baseUrl);
  return { origin: u.origin, prefix: u.pathname.replace(/\/+$/, '') };
}
