import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../common/context/principal';
import { HTTP_STATUS_BY_CODE } from '../common/errors/error-codes';
import { requestIdOf } from '../common/graphql/context.factory';
import {
  type GraphqlParams,
  PersistedDocumentRefusal,
  PersistedDocumentResolver,
  type ResolvedDocument,
} from './persisted-document-resolver';

export type { ResolvedDocument } from './persisted-document-resolver';

type GraphqlRequest = Request & { principal?: Principal; persistedDocument?: ResolvedDocument };

/**
 * Persisted documents, before Apollo (the rules: PersistedDocumentResolver): a `documentId` or a trusted APQ hash
 * (GET or POST, each element of a batch) is replaced by the document's text, so Apollo executes exactly the
 * document the frontend was built with; a refusal is answered here with its code.
 * Runs after authentication (AuthModule's middleware is registered first), so it knows the tenant.
 */
@Injectable()
export class PersistedDocumentsMiddleware implements NestMiddleware {
  constructor(private readonly documents: PersistedDocumentResolver) {}

  use(req: GraphqlRequest, res: Response, next: NextFunction): void {
    const trustedOnly = this.documents.trustedOnly(req.principal);
    try {
      if (req.method === 'GET') this.rewriteGet(req, trustedOnly);
      else if (req.method === 'POST' && req.body && typeof req.body === 'object') {
        const body: unknown = req.body;
        const items: unknown[] = Array.isArray(body) ? body : [body];
        for (const item of items) {
          if (item && typeof item === 'object') this.settle(item, req, trustedOnly);
        }
      }
    } catch (e) {
      if (e instanceof PersistedDocumentRefusal) return refuse(req, res, e);
      throw e;
    }
    next();
  }

  private settle(item: GraphqlParams, req: GraphqlRequest, trustedOnly: boolean): void {
    const resolved = this.documents.resolve(item, trustedOnly);
    if (resolved) req.persistedDocument = resolved;
  }

  private rewriteGet(req: GraphqlRequest, trustedOnly: boolean): void {
    const [path = '', search = ''] = req.url.split('?', 2);
    const params = new URLSearchParams(search);
    let extensions: unknown;
    const ext = params.get('extensions');
    if (ext !== null) {
      try {
        extensions = JSON.parse(ext);
      } catch {
        return; // Apollo answers malformed extensions itself
      }
    }
    const item: GraphqlParams = {
      query: params.get('query') ?? undefined,
      documentId: params.get('documentId') ?? undefined,
      extensions,
    };
    if (item.query === undefined && item.documentId === undefined && extensions === undefined) return;
    this.settle(item, req, trustedOnly);
    params.delete('documentId');
    if (typeof item.query === 'string') params.set('query', item.query);
    req.url = `${path}?${params.toString()}`;
  }
}

function refuse(req: GraphqlRequest, res: Response, refusal: PersistedDocumentRefusal): void {
  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  res
    .status(HTTP_STATUS_BY_CODE[refusal.code])
    .json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, requestId } }] });
}
