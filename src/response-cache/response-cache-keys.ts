import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { printSchema, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { canonicalJson } from '../common/graphql/canonical-json';
import type { Principal } from '../common/context/principal';
import { deriveDocumentPolicy, type DocumentPolicy } from './document-policy';
import type { ResponseScope } from './field-policy';
import type { StoredAnswer } from './response-cache.store';

export type CacheablePolicy = Extract<DocumentPolicy, { cacheable: true }>;

/** Where one answer lives: its slot (sharing scope: `pub` or one tenant) and its key within the slot. */
export interface CacheAddress {
  slot: string;
  key: string;
}

/** How many document policies are remembered (by schema version, document hash, operation name). */
const POLICY_MEMO_MAX = 2_000;
/**
 * The answer keys' memo (their sha256 by the exact text hashed) holds at most ~2 MB of key text; a longer key
 * text (large variables) is hashed every time.
 */
const KEY_MEMO_MAX_BYTES = 2 * 1024 * 1024;
const KEY_MEMO_MAX_TEXT = 1_024;

export function slotOf(scope: ResponseScope, principal: Principal): string {
  return scope === 'public' ? 'pub' : `t:${principal.tenantId}`;
}

/**
 * What the plugin (inside Apollo) and the fast path (before Apollo) must agree on: the schema version, each
 * document's policy, and the key of an answer. One instance, so a policy derived by the plugin on a miss is
 * what the fast path finds on the next request.
 *
 * Key: schema version | who | document hash | operation name | canonical variables, where `who` always holds
 * the principal's scopes (sorted) and, for `principal`-scoped documents, the principal itself. A stored
 * answer was produced by an execution that passed every scope check (answers with errors are never stored),
 * so an answer is only ever served to a principal with exactly the scopes it was produced under: a principal
 * lacking a scope misses and is refused by execution exactly as without the cache.
 */
@Injectable()
export class ResponseCacheKeys {
  private readonly policies = new LRUCache<string, DocumentPolicy>({ max: POLICY_MEMO_MAX });
  /**
   * sha256 of a key's text, remembered by that text: every hit of a document with the same variables, scopes
   * (and, for `principal`-scoped documents, principal) hashes the same text, and the hash was a measurable part
   * of a hit (bench/PROFILE.md, "S1: the guard's deadline and the key's hash"). Nothing but the key's own text
   * is held; tenant-scoped keys name no tenant (the slot does), so tenants with the same scopes share entries.
   */
  private readonly keyHashes = new LRUCache<string, string>({
    maxSize: KEY_MEMO_MAX_BYTES,
    sizeCalculation: (_hash, text) => text.length + 64,
  });
  private readonly versions = new WeakMap<GraphQLSchema, string>();
  /** The version of the schema Apollo last ran with (the fast path has no schema of its own to hash). */
  private current: string | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  schemaVersion(schema: GraphQLSchema): string {
    let v = this.versions.get(schema);
    if (!v) {
      v = createHash('sha256').update(printSchema(schema)).digest('hex').slice(0, 16);
      this.versions.set(schema, v);
    }
    this.current = v;
    return v;
  }

  get currentSchemaVersion(): string | undefined {
    return this.current;
  }

  /** The document's policy, derived once per (schema version, hash, operation name). */
  policyFor(
    version: string,
    hash: string,
    operationName: string | null | undefined,
    derive: { schema: GraphQLSchema; document: DocumentNode; operation: OperationDefinitionNode },
  ): DocumentPolicy {
    const id = `${version}|${hash}|${operationName ?? ''}`;
    let p = this.policies.get(id);
    if (p === undefined) {
      p = deriveDocumentPolicy(derive.schema, derive.document, derive.operation, this.config);
      this.policies.set(id, p);
    }
    return p;
  }

  /** A policy already derived, or undefined (the fast path never derives: it has no parsed document). */
  knownPolicy(
    version: string,
    hash: string,
    operationName: string | null | undefined,
  ): DocumentPolicy | undefined {
    return this.policies.get(`${version}|${hash}|${operationName ?? ''}`);
  }

  addressOf(
    version: string,
    policy: CacheablePolicy,
    principal: Principal,
    hash: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): CacheAddress {
    const scopes = [...principal.scopes].sort().join(',');
    const who = policy.scope === 'principal' ? `${principal.kind}:${principal.subject}:${scopes}` : scopes;
    const declared: Record<string, unknown> = {};
    if (variables) {
      for (const name of policy.variableNames) if (name in variables) declared[name] = variables[name];
    }
    const text = `${version}|${who}|${hash}|${operationName ?? ''}|${canonicalJson(declared)}`;
    let key = this.keyHashes.get(text);
    if (key === undefined) {
      key = createHash('sha256').update(text).digest('hex');
      if (text.length <= KEY_MEMO_MAX_TEXT) this.keyHashes.set(text, key);
    }
    return { slot: slotOf(policy.scope, principal), key };
  }
}

/** What the fast path read for a request it passed on to Apollo, so the plugin does not read it again. */
export const CACHE_PROBE = Symbol('responseCacheProbe');
export interface CacheProbe {
  address: CacheAddress;
  entry: StoredAnswer | null;
  generation: string;
}
export type RequestWithProbe = { [CACHE_PROBE]?: CacheProbe };
