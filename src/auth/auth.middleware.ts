import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../common/context/principal';
import { requestIdOf } from '../common/graphql/context.factory';
import { Authenticator, type AuthOutcome } from './authenticator.service';

const GRAPHQL_PATH = '/graphql';

/**
 * Authenticates every HTTP request once, before Apollo (or a controller) runs, and sets `req.principal`.
 * POST /graphql (and GET /graphql with a query) without a credential is refused here; a bare GET
 * /graphql is the IDE page. Other routes without a credential go on to the ScopesGuard, which lets only
 * @Public() handlers through.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly authenticator: Authenticator) {}

  use(req: Request & { principal?: Principal }, res: Response, next: NextFunction): void {
    if (req.method === 'OPTIONS') return next();
    const [path = '', search = ''] = req.originalUrl.split('?', 2);
    const isGraphql = path.replace(/\/+$/, '') === GRAPHQL_PATH;
    const hasCredential = req.headers.authorization !== undefined || req.headers['x-api-key'] !== undefined;
    if (!hasCredential) {
      const params = new URLSearchParams(search);
      const idePage =
        req.method === 'GET' && !['query', 'documentId', 'extensions'].some((p) => params.has(p));
      if (isGraphql && !idePage) {
        refuse(req, res, {
          ok: false,
          status: 401,
          message: 'Authentication required',
          reason: 'no credential',
        });
        return;
      }
      return next();
    }
    this.authenticator.authenticate(req, res).then(
      (outcome) => {
        if (!outcome.ok) return refuse(req, res, outcome);
        req.principal = outcome.principal;
        next();
      },
      (e: unknown) => next(e),
    );
  }
}

/** A GraphQL-shaped error body, so clients handle it like any other GraphQL error. */
function refuse(req: Request, res: Response, outcome: Exclude<AuthOutcome, { ok: true }>): void {
  const requestId = requestIdOf(req);
  const code = outcome.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (outcome.status === 401) {
    const error = outcome.message === 'Invalid credential' ? ', error="invalid_token"' : '';
    res.setHeader('WWW-Authenticate', `Bearer realm="barrack-gateway"${error}`);
  }
  res.setHeader('x-request-id', requestId);
  res
    .status(outcome.status)
    .json({ errors: [{ message: outcome.message, extensions: { code, requestId } }] });
}
