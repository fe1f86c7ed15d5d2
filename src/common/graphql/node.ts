import { Injectable, Logger } from '@nestjs/common';
import { Field, ID, InterfaceType } from '@nestjs/graphql';
import type { GqlContext } from '../context/gql-context';
import { GatewayError, isNoSuchObject } from '../errors/gateway-error';
import { barrackKeyOf, fromGlobalId, toGlobalId } from './global-id';

/*
 * The Node interface of the GraphQL Global Object Identification spec. Every object with an identity implements
 * it: `id` is opaque and unique across all types (Apollo Client and Relay normalise on it with no type policies),
 * `barrackId` is Barrack's own id of the object (what Barrack's dashboard and API show). Arguments that name an
 * object take its `id`; they also accept the `barrackId` (see barrackKeyOf) so partners holding Barrack ids can
 * keep using them.
 *
 * `node(id)` must not make common/ depend on features, so each feature registers a fetcher for its type names
 * with the NodeRegistry at init.
 */

export const BARRACK_ID_DOC =
  "Barrack's own id of this object (as Barrack's API and dashboard show it). Not unique across types; use `id` to refer to the object in this API.";
export const NODE_ID_DOC =
  'Globally unique, opaque id of this object (for node(id), caches and id arguments).';

@InterfaceType('Node', {
  description:
    'An object with a globally unique, opaque id (GraphQL Global Object Identification). Refetch any of them with node(id).',
  resolveType: (value: { id?: unknown }) =>
    typeof value.id === 'string' ? fromGlobalId(value.id)?.typename : undefined,
})
export abstract class Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;
}

/**
 * The two id fields of a Node, from its GraphQL type name and its Barrack key. Spread it LAST in an object
 * literal (`{ name: w.name, ..., ...nodeIds('Instance', w.instance_id) }`): on Node 20's V8 a literal that starts
 * with a spread defines every later property through a slow runtime path (about 1 µs each; 20 µs for an
 * Instance, 1000x the literal itself), which made the mappers most of the console page's CPU.
 */
export function nodeIds(typename: string, barrackKey: string): { id: string; barrackId: string } {
  return { id: toGlobalId(typename, barrackKey), barrackId: barrackKey };
}

/** What a raw Barrack id may look like: the characters Barrack ids use (the upstream path allow-list). */
const BARRACK_KEY = /^[A-Za-z0-9._~-]{1,128}$/;

/**
 * The Barrack key a lookup argument (`instance(id:)`, ...) names, or null when it cannot name an object of
 * `typename`: a global id of another type, or a string no Barrack id looks like. A null lookup answers null
 * (like node(id)) with no upstream call, so a malformed id and an unknown or foreign id look the same.
 */
export function lookupKey(id: string, typename: string): string | null {
  const key = barrackKeyOf(id, typename);
  if (key === null) return null;
  // A compound key (an OS image's region/id) comes from a global id only; each part must look like a Barrack id.
  const parts = fromGlobalId(id) ? key.split('/') : [key];
  return parts.every((p) => BARRACK_KEY.test(p) && p !== '.' && p !== '..') ? key : null;
}

/**
 * The Barrack key an id argument that narrows a list (a filter such as `snapshots(instanceId:)`) names;
 * BAD_USER_INPUT on `field` (the GraphQL argument name) when it cannot name an object of `typename`.
 */
export function argumentKey(id: string, typename: string, field: string): string {
  const key = lookupKey(id, typename);
  if (key === null) {
    throw new GatewayError('BAD_USER_INPUT', `${field} is not an id of a ${typename}`, { field });
  }
  return key;
}

/** Loads the object of one type by its Barrack key; null when the caller's account has no such object. */
export type NodeFetcher = (barrackKey: string, ctx: GqlContext) => Promise<object | null>;

/** Largest number of ids one nodes(ids) call may ask for. */
export const MAX_NODES = 100;

/**
 * Type name -> fetcher. Features register at module init (`onModuleInit`); node(id) and nodes(ids) resolve
 * through it. Unknown, malformed and foreign ids all answer null, never an error that tells them apart.
 */
@Injectable()
export class NodeRegistry {
  private readonly log = new Logger(NodeRegistry.name);
  private readonly fetchers = new Map<string, NodeFetcher>();

  register(typename: string, fetcher: NodeFetcher): void {
    if (this.fetchers.has(typename)) throw new Error(`a node fetcher for ${typename} is already registered`);
    this.fetchers.set(typename, fetcher);
  }

  /** Type names node(id) can resolve (for tests and docs). */
  typenames(): string[] {
    return [...this.fetchers.keys()].sort();
  }

  async resolve(id: string, ctx: GqlContext): Promise<object | null> {
    const decoded = fromGlobalId(id);
    if (decoded === null) return null;
    const fetcher = this.fetchers.get(decoded.typename);
    if (!fetcher) return null;
    try {
      // A forged key reaches Barrack only through the path allow-list (BAD_USER_INPUT, answered null below).
      return await fetcher(decoded.key, ctx);
    } catch (e) {
      // No such node for the caller (isNoSuchObject); other failures (Barrack down) are real.
      if (isNoSuchObject(e)) {
        this.log.debug({ msg: `node ${decoded.typename} not found (${e.code})`, requestId: ctx.requestId });
        return null;
      }
      throw e;
    }
  }
}
