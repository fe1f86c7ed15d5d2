import accepts from 'accepts';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../errors/error-codes';
import type { ErrorDetails } from '../errors/gateway-error';
import { requestIdOf } from './context.factory';

/*
 * GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) for the responses the gateway writes
 * itself, before Apollo runs: authentication (401/403), body size (413), malformed JSON, token and batch limits
 * (400) and CSRF (400). Apollo writes everything after that (parse, validation, limits, 429, execution) and
 * negotiates the same way.
 *
 * - The media type follows `Accept`: `application/graphql-response+json` when the client prefers it (Apollo
 *   Client 4, graphql-http, urql), otherwise `application/json` (also for no Accept, `*` / `*`, or an Accept
 *   naming neither). So a client that asked for graphql-response+json reads a 401 as a GraphQL error, not as
 *   a bare ServerError.
 * - The status is the refusal's (401, 403, 413, 400, 429) with both media types. The spec asks for 200 on
 *   well-formed requests with application/json; these refusals happen before the request is a GraphQL
 *   request at all (no credential, body too large), where the spec lets servers use 4xx, and clients rely
 *   on the status to tell "sign in again" or "back off" from a field error. Execution errors next to data
 *   stay 200 with both media types.
 * - The body is always GraphQL-shaped: `{ errors: [{ message, extensions: { code, requestId, ... } }] }`,
 *   and `x-request-id` carries the same id.
 */

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

type GraphqlMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/**
 * Negotiated media types by the exact `Accept` value (`false`: it names neither). A client sends the same Accept
 * on every request, and `accepts`' parse and negotiation of it was ~5% of a response-cache hit's instructions
 * (bench/PROFILE.md, "S1: the guard's deadline, the key's hash, Accept"). Bounded: values longer than
 * NEGOTIATED_MAX_LENGTH are negotiated every time, and the map is emptied when it holds NEGOTIATED_MAX values
 * (clients use a handful).
 */
const negotiated = new Map<string, GraphqlMediaType | false>();
const NEGOTIATED_MAX = 256;
const NEGOTIATED_MAX_LENGTH = 256;

/** The JSON media type `Accept` prefers, or false when it names neither (nor a wildcard covering one). */
function negotiate(req: IncomingMessage, accept: string): GraphqlMediaType | false {
  let type = negotiated.get(accept);
  if (type === undefined) {
    // The `accepts` negotiation Express' req.accepts() uses (plain node requests too: the pre-router): the
    // client's q-values and order decide; `*/*` picks the first listed here. It reads only `Accept`.
    const chosen = accepts(req).type([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
    type = chosen === GRAPHQL_RESPONSE_JSON || chosen === APPLICATION_JSON ? chosen : false;
    if (accept.length <= NEGOTIATED_MAX_LENGTH) {
      if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
      negotiated.set(accept, type);
    }
  }
  return type;
}

/** The response media type `Accept` asks for (application/json when it names neither). */
export function graphqlMediaType(req: IncomingMessage): GraphqlMediaType {
  const accept = req.headers.accept;
  if (!accept || accept === APPLICATION_JSON) return APPLICATION_JSON;
  if (accept === GRAPHQL_RESPONSE_JSON) return GRAPHQL_RESPONSE_JSON;
  return negotiate(req, accept) || APPLICATION_JSON;
}

/**
 * False when `Accept` names neither JSON media type (nor a wildcard covering one): Apollo answers such a request
 * 406, but only after executing it. The gateway refuses it before anything runs (request-limits middleware), and
 * the fast path never answers it from cache, so a cache hit and a miss get the same status and a mutation is
 * never executed for a client that cannot read the answer.
 */
export function acceptsGraphqlJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept || accept === '*/*' || accept === APPLICATION_JSON || accept === GRAPHQL_RESPONSE_JSON)
    return true;
  return negotiate(req, accept) !== false;
}

/** True for a GET whose `Accept` prefers HTML over JSON: a browser asking for the IDE page, not an operation. */
export function prefersHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || !req.headers.accept) return false;
  return accepts(req).type([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'text/html']) === 'text/html';
}

/** Writes a GraphQL-shaped error response for a request refused before it reaches Apollo. */
export function sendGraphqlError(
  req: Request,
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  details: ErrorDetails = {},
): void {
  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  res.setHeader('content-type', `${graphqlMediaType(req)}; charset=utf-8`);
  res.status(status).json({ errors: [{ message, extensions: { ...details, code, requestId } }] });
}

/** Content types a browser may send cross-site without a CORS preflight (the Fetch standard's list). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
/**
 * Any of these (non-empty) makes a browser preflight the request; Apollo Client and GraphiQL send the first two.
 * The gateway's credentials travel in the last two (never in cookies), and a browser sends them cross-site only
 * after a CORS preflight, so a credentialed GET (e.g. a trusted documentId) needs no extra header.
 */
const PREFLIGHT_HEADERS = [
  'x-apollo-operation-name',
  'apollo-require-preflight',
  'authorization',
  'x-api-key',
];

/**
 * CSRF prevention, the same rule as Apollo's `csrfPrevention` (which stays on behind it): a request to
 * /graphql that a browser could send cross-site without a preflight (no content type or a "simple" one, and
 * none of PREFLIGHT_HEADERS) is refused before anything runs. Answered here so the refusal has the
 * gateway's shape (`BAD_USER_INPUT`, `reason: "CSRF"`, `requestId`), which Apollo's own does not.
 * The IDE page (GET with Accept text/html) is handled before this.
 */
export function csrfGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'OPTIONS') return next();
    const type = req.headers['content-type'];
    const essence = type?.split(';', 1)[0]?.trim().toLowerCase();
    const simple = essence === undefined || essence === '' || SIMPLE_CONTENT_TYPES.has(essence);
    const preflighted = PREFLIGHT_HEADERS.some((h) => {
      const v = req.headers[h];
      return typeof v === 'string' && v.length > 0;
    });
    if (!simple || preflighted) return next();
    sendGraphqlError(
      req,
      res,
      400,
      'BAD_USER_INPUT',
      'This request was blocked as a possible cross-site request forgery (CSRF): send it with ' +
        "'content-type: application/json' or a non-empty 'apollo-require-preflight' header.",
      { reason: 'CSRF' },
    );
  };
}
