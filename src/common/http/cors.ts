import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import cors from 'cors';

/*
 * CORS for browser frontends served from another origin (`https://console.example.com` calling
 * `https://api.example.com/graphql`). It runs as the HTTP server's first request listener, ahead of the
 * response-cache pre-router and Express, so a response-cache hit, an error from any layer, the SSE stream and
 * GraphiQL all carry the same headers, and a preflight is answered before anything else looks at it (a preflight
 * has no credential: it must never reach authentication or the CSRF check).
 *
 * Policy: only the origins in CORS_ORIGINS (or any with `*`), GET and POST, no credentials mode (the gateway's
 * credentials are headers, never cookies, so `Access-Control-Allow-Credentials` is not needed and not sent), the
 * request headers below and the response headers clients read. With an origin list the allowed origin is echoed
 * with `Vary: Origin`, so a shared cache never serves one origin's answer to another. A request from an origin
 * not on the list is still served (CORS is enforced by the browser, not an authorisation check); it just gets no
 * CORS headers, and its browser refuses to expose the answer. Unset CORS_ORIGINS: nothing is installed.
 */

/** Request headers a browser client may send: credentials, content type, Apollo Client's, ours, tracing. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-api-key',
  'idempotency-key',
  'if-none-match',
  'x-request-id',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
  'tracestate',
] as const;

/** Response headers a browser client may read: the request id, the cache validator, the rate-limit state. */
export const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'etag',
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
  'www-authenticate',
] as const;

export interface CorsPolicy {
  /** Exact origins, or `['*']` for any. */
  origins: readonly string[];
  maxAgeS: number;
}

type Next = (err?: unknown) => void;
type CorsHandler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** The `cors` package's handler for the policy (it works on plain node:http requests as well as Express). */
export function corsHandler(policy: CorsPolicy): CorsHandler {
  const any = policy.origins.length === 1 && policy.origins[0] === '*';
  return cors({
    origin: any ? '*' : [...policy.origins],
    methods: ['GET', 'POST'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: policy.maxAgeS,
    credentials: false,
    optionsSuccessStatus: 204,
  }) as CorsHandler;
}

/**
 * Puts the CORS handler in front of the server's one request listener (after the pre-router installed itself, so
 * it wraps that). Throws when there is not exactly one listener to wrap: configured CORS that silently did not
 * apply would break every browser client.
 */
export function installCors(server: Server, policy: CorsPolicy): void {
  const listeners = server.listeners('request') as RequestListener[];
  const [inner] = listeners;
  if (listeners.length !== 1 || !inner) {
    throw new Error(`CORS: expected one request listener to wrap, found ${listeners.length}`);
  }
  const handle = corsHandler(policy);
  server.removeListener('request', inner);
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res, () => void inner(req, res)),
  );
}
