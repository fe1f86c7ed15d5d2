import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../common/context/principal';
import {
  type FastRequest,
  paramsOfQueryString,
  ResponseCacheFastPath,
  type RequestParams,
} from './fast-path';

type ExpressFastRequest = Request &
  FastRequest & { principal?: Principal; persistedDocument?: { hash: string } };

/**
 * The response-cache fast path (fast-path.ts) inside Express, after authentication, persisted documents and the
 * request limits (module order in AppModule): for the requests the pre-router (pre-router.ts) does not take —
 * tracing on (the hit gets its operation span), chunked or encoded bodies, anything the pre-router handed on
 * without trying.
 */
@Injectable()
export class ResponseCacheFastPathMiddleware implements NestMiddleware {
  constructor(private readonly fastPath: ResponseCacheFastPath) {}

  use(req: ExpressFastRequest, res: Response, next: NextFunction): void {
    const principal = req.principal;
    if (!this.fastPath.enabled || !principal) return next();
    const params = paramsOf(req);
    if (!params) return next();
    this.fastPath.tryServe(req, res, principal, params, req.persistedDocument?.hash).then(
      (served) => {
        if (!served) next();
      },
      (e: unknown) => next(e),
    );
  }
}

/** The parameters of a single (not batched) GET or POST to /graphql, or undefined. */
function paramsOf(req: ExpressFastRequest): RequestParams | undefined {
  const path = req.originalUrl.split('?', 1)[0]?.replace(/\/+$/, '');
  if (path !== '/graphql') return undefined;
  if (req.method === 'POST') {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    return body;
  }
  if (req.method === 'GET') {
    const q = req.query as Record<string, unknown>;
    return paramsOfQueryString({ get: (name) => q[name] });
  }
  return undefined;
}
