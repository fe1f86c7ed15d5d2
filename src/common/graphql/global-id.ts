/*
 * Global object identification (the GraphQL Global Object Identification spec, as GitHub and Shopify do it).
 * Every object with an identity exposes an opaque, globally unique `id` built here from its GraphQL type name and
 * the key that identifies it at Barrack (for an OS image, region and Barrack id together, since Barrack reuses an
 * image id across regions). Clients must treat it as opaque; the encoding (base64url of `Type:key`) may change.
 * This file is the only place that knows the encoding.
 */

const SEPARATOR = ':';

/** Characters a global id may contain (base64url without padding). */
const GLOBAL_ID_PATTERN = /^[A-Za-z0-9_-]{4,512}$/;
/** GraphQL type names: what a decoded id must start with. */
const TYPENAME_PATTERN = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * Ids already encoded, per type name: a page shows the same objects again and again (the console page encodes
 * ~200 ids, each a Buffer and a base64url encoding otherwise). A type name is checked against TYPENAME_PATTERN
 * when its map is made; callers pass code constants, a handful of names. Each map is emptied when it reaches
 * ENCODED_PER_TYPE keys, so the memo stays below a few MB whatever the number of tenants and objects.
 */
const ENCODED_PER_TYPE = 4_096;
const encodedByType = new Map<string, Map<string, string>>();

/** The opaque id of the object of GraphQL type `typename` whose Barrack key is `key`. */
export function toGlobalId(typename: string, key: string | number): string {
  let encoded = encodedByType.get(typename);
  if (encoded === undefined) {
    if (!TYPENAME_PATTERN.test(typename)) throw new Error(`not a GraphQL type name: ${typename}`);
    encodedByType.set(typename, (encoded = new Map<string, string>()));
  }
  const k = String(key);
  let id = encoded.get(k);
  if (id === undefined) {
    id = Buffer.from(`${typename}${SEPARATOR}${k}`, 'utf8').toString('base64url');
    if (encoded.size >= ENCODED_PER_TYPE) encoded.clear();
    encoded.set(k, id);
  }
  return id;
}

export interface DecodedGlobalId {
  typename: string;
  /** Barrack's key of the object, as given to toGlobalId. */
  key: string;
}

/** Decodes an id made by toGlobalId; null for anything else (a Barrack id, garbage). Never throws. */
export function fromGlobalId(id: string): DecodedGlobalId | null {
  if (typeof id !== 'string' || !GLOBAL_ID_PATTERN.test(id)) return null;
  let text: string;
  try {
    text = Buffer.from(id, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  // Round trip: reject strings that only happen to be valid base64url of something else.
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) return null;
  const at = text.indexOf(SEPARATOR);
  if (at <= 0) return null;
  const typename = text.slice(0, at);
  const key = text.slice(at + 1);
  if (!TYPENAME_PATTERN.test(typename) || key.length === 0) return null;
  return { typename, key };
}

/** The key of a compound id such as an OS image's (`region/imageId`). */
export function compoundKey(...parts: (string | number)[]): string {
  return parts.map(String).join('/');
}

/**
 * The Barrack key an id argument names, for an argument that expects an object of type `typename`.
 * Accepts the object's global `id` (the normal case: clients send back what they read) and, for partners who
 * hold Barrack's own ids, the raw Barrack key (`barrackId`). Returns null for a global id of another type, which
 * callers report as invalid input on the argument's GraphQL path (never as NOT_FOUND, never upstream).
 * Format checks of a raw key belong to the caller's input rules.
 */
export function barrackKeyOf(id: string, typename: string): string | null {
  const decoded = fromGlobalId(id);
  if (decoded === null) return id;
  return decoded.typename === typename ? decoded.key : null;
}
