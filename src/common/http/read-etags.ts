import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { response as expressResponse } from 'express';

/*
 * Express computes a weak ETag (a sha1 of the whole body) for every answer that has none. A POST answer can
 * never be revalidated with it (`req.fresh` is false for POST, and no cache stores POST answers), so for
 * GraphQL over POST, every query and mutation answer, it is pure cost: ~2% of a console page's instructions
 * (a 27 KB body). The gateway therefore turns Express' ETag off (`app.set('etag', false)`) and gives it back
 * to GET and HEAD answers only, where browsers and CDNs do revalidate (GraphQL GET with `query` or
 * `documentId`, health, GraphiQL): same header, same 304 through Express' own freshness check.
 * An ETag set before `send` wins, as in Express: the response cache's strong ETag on stored answers (its
 * 304 is decided by the cache, on POST as on GET) is never replaced.
 */

/** Express' weak ETag of a body: the `etag` package's format, as `app.set('etag', 'weak')` writes it. */
export function weakEtag(body: string | Buffer): string {
  if (body.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  const length = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  return `W/"${length.toString(16)}-${hash}"`;
}

const expressSend = expressResponse.send;

/** res.send with the weak ETag first; one shared function, so a GET allocates no closure. */
function sendWithWeakEtag(this: Response, body?: unknown): Response {
  if ((typeof body === 'string' || Buffer.isBuffer(body)) && this.getHeader('etag') === undefined) {
    this.setHeader('etag', weakEtag(body));
  }
  return expressSend.call(this, body);
}

/** Middleware: Express' weak ETag on GET and HEAD answers (install with `app.set('etag', false)`). */
export function etagsOnReads(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') res.send = sendWithWeakEtag;
    next();
  };
}
