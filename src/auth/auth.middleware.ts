import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../common/context/principal';
import { sendGraphqlError } from '../common/graphql/graphql-http';
import { isIntrospectionSource } from '../common/graphql/introspection';
import { Authenticator, type AuthOutcome } from './authenticator.service';

const GRAPHQL_PATH = '/graphql';

/**
 * Authenticates every HTTP request once, before Apollo (or a controller) runs, and sets `req.principal`.
 * POST /graphql (and GET /graphql with a query) without a credential is refused here; a bare GET
 * /graphql is the IDE page. Other routes without a credential go on to the ScopesGuard, which lets only
 * @Public() handlers through. With INTROSPECTION=public an introspection-only document needs no credential.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  use(req: Request & { principal?: Principal }, res: Response, next: NextFunction): void {
    if (req.method === 'OPTIONS') return next();
    // Authenticated already by the response-cache pre-router, with this same Authenticator (a client cannot
    // set this property: it is the server's own).
    if (req.principal) return next();
    const [path = '', search = ''] = req.originalUrl.split('?', 2);
    const isGraphql = path.replace(/\/+$/, '') === GRAPHQL_PATH;
    const hasCredential = req.headers.authorization !== undefined || req.headers['x-api-key'] !== undefined;
    if (!hasCredential) {
      const params = new URLSearchParams(search);
      const idePage =
        req.method === 'GET' && !['query', 'documentId', 'extensions'].some((p) => params.has(p));
      if (isGraphql && !idePage && !this.anonymousIntrospection(req)) {
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

  /** INTROSPECTION=public: an anonymous request whose document only reads the schema goes on to Apollo. */
  private anonymousIntrospection(req: Request): boolean {
    if (this.config.INTROSPECTION !== 'public') return false;
    const body: unknown = req.body;
    const query =
      req.method === 'GET'
        ? req.query.query
        : body && typeof body === 'object' && !Array.isArray(body)
          ? (body as { query?: unknown }).query
          : undefined;
    return isIntrospectionSource(query);
  }
}

/** A GraphQL-shaped error body in the media type the client accepts, so it is handled like any GraphQL error. */
function refuse(req: Request, res: Response, outcome: Exclude<AuthOutcome, { ok: true }>): void {
  const code = outcome.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (outcome.status === 401) {
    const error = outcome.message === 'Invalid credential' ? ', error="invalid_token"' : '';
    res.setHeader('WWW-Authenticate', `Bearer realm="barrack-gateway"${error}`);
  }
  sendGraphqlError(req, res, outcome.status, code, outcome.message);
}
