import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../common/context/principal';
import { HTTP_STATUS_BY_CODE, type ErrorCode } from '../common/errors/error-codes';
import { requestIdOf } from '../common/graphql/context.factory';
import { isIntrospectionSource } from '../common/graphql/introspection';
import { persistedQueryHash } from '../common/graphql/persisted-query';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { documentHash, TrustedDocuments } from './trusted-documents';

/** What one GraphQL request (an element of a batch) carries, before Apollo sees it. */
interface GraphqlParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The document the middleware settled on: a trusted manifest entry, or free text (hash for later layers). */
export interface ResolvedDocument {
  hash: string;
  trusted: boolean;
}

/** The hash memo holds at most ~4 MB of document text; longer documents are hashed every time. */
const HASH_MEMO_MAX_BYTES = 4 * 1024 * 1024;
const HASH_MEMO_MAX_TEXT = 64 * 1024;

type GraphqlRequest = Request & { principal?: Principal; persistedDocument?: ResolvedDocument };

/**
 * Persisted documents, before Apollo: `documentId` (GraphQL-over-HTTP, GET or POST) and Apollo's
 * `extensions.persistedQuery.sha256Hash` are looked up in the trusted manifest and replaced by the document's
 * text, so Apollo executes exactly the document the frontend was built with. Automatic persisted queries that
 * are not in the manifest are left to Apollo's APQ (stored in Redis). Tenants whose `documents` is `trusted`
 * may run only manifest documents (and introspection, which exposes nothing of the tenant).
 * Runs after authentication (AuthModule's middleware is registered first), so it knows the tenant.
 */
@Injectable()
export class PersistedDocumentsMiddleware implements NestMiddleware {
  private readonly hashes = new LRUCache<string, string>({
    maxSize: HASH_MEMO_MAX_BYTES,
    sizeCalculation: (_hash, text) => text.length + 64,
  });

  constructor(
    @Inject(TrustedDocuments) private readonly trusted: TrustedDocuments,
    private readonly tenants: TenantRegistry,
  ) {}

  use(req: GraphqlRequest, res: Response, next: NextFunction): void {
    const trustedOnly = this.trustedOnly(req.principal);
    try {
      if (req.method === 'GET') this.rewriteGet(req, trustedOnly);
      else if (req.method === 'POST' && req.body && typeof req.body === 'object') {
        const body: unknown = req.body;
        const items: unknown[] = Array.isArray(body) ? body : [body];
        for (const item of items) {
          if (item && typeof item === 'object') this.resolve(item, req, trustedOnly);
        }
      }
    } catch (e) {
      if (e instanceof Refusal) return refuse(req, res, e);
      throw e;
    }
    next();
  }

  /** sha256 of a document's text, remembered by text (bounded by total size): clients repeat their documents. */
  private hashOf(text: string): string {
    let hash = this.hashes.get(text);
    if (hash === undefined) {
      hash = documentHash(text);
      if (text.length <= HASH_MEMO_MAX_TEXT) this.hashes.set(text, hash);
    }
    return hash;
  }

  private trustedOnly(principal: Principal | undefined): boolean {
    if (!principal) return false;
    return this.tenants.tenant(principal.tenantId)?.documents === 'trusted';
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
    this.resolve(item, req, trustedOnly);
    params.delete('documentId');
    if (typeof item.query === 'string') params.set('query', item.query);
    req.url = `${path}?${params.toString()}`;
  }

  /** Settles one request's document in place, or throws a Refusal. */
  private resolve(item: GraphqlParams, req: GraphqlRequest, trustedOnly: boolean): void {
    const apqHash = persistedQueryHash(item.extensions);
    if (item.documentId !== undefined) {
      if (typeof item.documentId !== 'string' || item.documentId === '') {
        throw new Refusal('BAD_USER_INPUT', 'documentId must be a non-empty string');
      }
      if (item.query !== undefined) {
        throw new Refusal('BAD_USER_INPUT', 'Send either documentId or query, not both');
      }
      const text = this.trusted.get(item.documentId);
      if (text === undefined) {
        throw new Refusal('PERSISTED_DOCUMENT_NOT_FOUND', 'No trusted document has this documentId');
      }
      item.query = text;
      delete item.documentId;
      req.persistedDocument = { hash: this.hashOf(text), trusted: true };
      return;
    }
    if (item.query === undefined || item.query === null) {
      if (apqHash === undefined) return; // Apollo answers "no query"
      const text = this.trusted.get(apqHash);
      if (text !== undefined) {
        item.query = text;
        req.persistedDocument = { hash: apqHash.toLowerCase(), trusted: true };
        return;
      }
      if (trustedOnly) {
        throw new Refusal('PERSISTED_DOCUMENT_NOT_FOUND', 'No trusted document has this hash');
      }
      return; // an automatic persisted query: Apollo looks it up in the APQ store
    }
    if (typeof item.query !== 'string') return; // Apollo answers the malformed request
    const hash = this.hashOf(item.query);
    const trusted = this.trusted.has(hash);
    req.persistedDocument = { hash, trusted };
    if (trustedOnly && !trusted && !isIntrospectionSource(item.query)) {
      throw new Refusal(
        'PERSISTED_DOCUMENT_REQUIRED',
        'This client may only run trusted documents: send a documentId from the persisted-documents manifest',
      );
    }
  }
}

function refuse(req: GraphqlRequest, res: Response, refusal: Refusal): void {
  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  res
    .status(HTTP_STATUS_BY_CODE[refusal.code])
    .json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, requestId } }] });
}
