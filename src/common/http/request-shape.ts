import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/*
 * Gives every request and response object its per-request properties up front, before Express sees them.
 *
 * Why: Express 5 swaps the prototypes of `req` and `res` for every request (`Object.setPrototypeOf(req,
 * app.request)` in app.handle). V8 gives an object whose prototype was swapped a map with no back pointer, and
 * property additions from such a map are never cached as transitions: every property Express, the router,
 * node's writeHead or the gateway adds afterwards (`next`, `baseUrl`, `params`, `locals`, `statusCode`,
 * `requestId`, …) built a new hidden class per request. So every request's `req` and `res` had maps no other
 * request shared, and every property access on them anywhere (router, node's http, Apollo's integration, our
 * middlewares) missed its inline cache and went to V8's runtime lookup. Found with `node --log-maps`
 * (bench/PROFILE.md, "S2: request shapes"). Adding the same properties, in the same order, before the prototype
 * swap keeps one shared map per kind of request, and the later writes are plain field stores.
 *
 * Every value set here is what the readers see when the property is absent (`undefined`, or the prototype's
 * default for `statusCode`/`statusMessage`), so nothing reads differently.
 */

/** The router package's own symbol for the matched route (router/lib/symbols), when it can be found. */
const ROUTER_MATCHED_ROUTE: symbol | undefined = routerMatchedRoute();

function routerMatchedRoute(): symbol | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const symbols = require('router/lib/symbols') as { matchedRoute?: unknown };
    return typeof symbols.matchedRoute === 'symbol' ? symbols.matchedRoute : undefined;
  } catch {
    return undefined;
  }
}

type Shaped = Record<string | symbol, unknown>;

/** The properties Express, the router and the gateway add to a request, in the order they are added. */
export function shapeRequest(req: IncomingMessage, res: ServerResponse): void {
  const r = req as unknown as Shaped;
  // The gateway's own (request-log, auth, body); the pre-router may have set some already.
  if (!('requestId' in r)) r.requestId = undefined;
  if (!('principal' in r)) r.principal = undefined;
  if (!('body' in r)) r.body = undefined;
  // Express' app.handle and the router's handle/next, parseurl's cache.
  r.res = res;
  r.next = undefined;
  r.baseUrl = undefined;
  r.originalUrl = undefined;
  r.params = undefined;
  r.route = undefined;
  r._parsedUrl = undefined;
  if (ROUTER_MATCHED_ROUTE) r[ROUTER_MATCHED_ROUTE] = undefined;
  const s = res as unknown as Shaped;
  // Express' res.locals, and what node's writeHead and res.status() set as own properties.
  s.locals = undefined;
  s.statusCode = res.statusCode;
  s.statusMessage = res.statusMessage;
}

/**
 * Wraps the server's one request listener (CORS, the pre-router or Express, whichever is outermost) so shapeRequest
 * runs first. Leaves the server as it is when there is not exactly one listener (nothing to order against).
 */
export function installRequestShapes(server: Server): boolean {
  const listeners = server.listeners('request') as RequestListener[];
  const [inner] = listeners;
  if (listeners.length !== 1 || !inner) return false;
  server.removeListener('request', inner);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    shapeRequest(req, res);
    inner(req, res);
  });
  return true;
}
