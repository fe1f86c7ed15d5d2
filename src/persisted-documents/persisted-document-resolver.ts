import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../common/context/principal';
import type { ErrorCode } from '../common/errors/error-codes';
import { isIntrospectionSource } from '../common/graphql/introspection';
import { persistedQueryHash } from '../common/graphql/persisted-query';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { documentHash, TrustedDocuments } from './trusted-documents';

/** What one GraphQL request (an element of a batch) carries, before Apollo sees it. */
export interface GraphqlParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** Why a request's document is refused before Apollo (answered with its code by the middleware). */
export class PersistedDocumentRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The document the resolver settled on: a trusted manifest entry, or free text (hash for later layers). */
export interface ResolvedDocument {
  hash: string;
  trusted: boolean;
}

/** The hash memo holds at most ~4 MB of document text; longer documents are hashed every time. */
const HASH_MEMO_MAX_BYTES = 4 * 1024 * 1024;
const HASH_MEMO_MAX_TEXT = 64 * 1024;

/**
 * The persisted-documents rules for one request, shared by the Express middleware and the response-cache
 * pre-router (which answers hits before Express): `documentId` and Apollo's `extensions.persistedQuery.sha256Hash`
 * are looked up in the trusted manifest and replaced by the document's text in place; automatic persisted queries
 * that are not in the manifest are left to Apollo's APQ; tenants whose `documents` is `trusted` may run only
 * manifest documents (and introspection, which exposes nothing of the tenant). Settling an item twice gives the
 * same answer (the second time it carries the text), so a request the pre-router hands on to Express is safe.
 */
@Injectable()
export class PersistedDocumentResolver {
  private readonly hashes = new LRUCache<string, string>({
    maxSize: HASH_MEMO_MAX_BYTES,
    sizeCalculation: (_hash, text) => text.length + 64,
  });

  constructor(
    @Inject(TrustedDocuments) private readonly trusted: TrustedDocuments,
    private readonly tenants: TenantRegistry,
  ) {}

  /** Whether the principal's tenant may run only trusted documents. */
  trustedOnly(principal: Principal | undefined): boolean {
    if (!principal) return false;
    return this.tenants.tenant(principal.tenantId)?.documents === 'trusted';
  }

  /**
   * Settles one request's document in place: the resolved document (its hash), or undefined when Apollo decides
   * (an APQ hash to look up, no query, a malformed query); throws a PersistedDocumentRefusal.
   */
  resolve(item: GraphqlParams, trustedOnly: boolean): ResolvedDocument | undefined {
    const apqHash = persistedQueryHash(item.extensions);
    if (item.documentId !== undefined) {
      if (typeof item.documentId !== 'string' || item.documentId === '') {
        throw new PersistedDocumentRefusal('BAD_USER_INPUT', 'documentId must be a non-empty string');
      }
      if (item.query !== undefined) {
        throw new PersistedDocumentRefusal('BAD_USER_INPUT', 'Send either documentId or query, not both');
      }
      const text = this.trusted.get(item.documentId);
      if (text === undefined) {
        throw new PersistedDocumentRefusal(
          'PERSISTED_DOCUMENT_NOT_FOUND',
          'No trusted document has this documentId',
        );
      }
      item.query = text;
      delete item.documentId;
      return { hash: this.hashOf(text), trusted: true };
    }
    if (item.query === undefined || item.query === null) {
      if (apqHash === undefined) return undefined; // Apollo answers "no query"
      const text = this.trusted.get(apqHash);
      if (text !== undefined) {
        item.query = text;
        return { hash: apqHash.toLowerCase(), trusted: true };
      }
      if (trustedOnly) {
        throw new PersistedDocumentRefusal(
          'PERSISTED_DOCUMENT_NOT_FOUND',
          'No trusted document has this hash',
        );
      }
      return undefined; // an automatic persisted query: Apollo looks it up in the APQ store
    }
    if (typeof item.query !== 'string') return undefined; // Apollo answers the malformed request
    const hash = this.hashOf(item.query);
    const trusted = this.trusted.has(hash);
    if (trustedOnly && !trusted && !isIntrospectionSource(item.query)) {
      throw new PersistedDocumentRefusal(
        'PERSISTED_DOCUMENT_REQUIRED',
        'This client may only run trusted documents: send a documentId from the persisted-documents manifest',
      );
    }
    return { hash, trusted };
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
}
