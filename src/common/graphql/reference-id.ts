import type { FieldMiddleware } from '@nestjs/graphql';
import { toGlobalId } from './global-id';

/*
 * Reference ids. A field that names another object (`instanceId` of an action payload, `volumeId` of an
 * attachment, `attachedInstanceIds`, ...) answers that object's global `id`, the same string the object itself
 * carries: a client can pass it to node(id) or to any id argument, and Apollo Client can evict or identify the
 * object with it (`cache.identify({ __typename: 'Instance', id })`). Barrack's own id of an object is only ever in
 * that object's `barrackId`.
 *
 * Models keep Barrack's key internally (resolvers load the referenced object by it); this field middleware
 * encodes it on the way out, so the encoding lives in one place and no mapper builds ids by hand.
 */
export function referenceId(typename: string): FieldMiddleware {
  return async (_ctx, next) => {
    const value: unknown = await next();
    if (value === null || value === undefined) return value;
    const encode = (v: unknown): unknown =>
      typeof v === 'string' || typeof v === 'number' ? toGlobalId(typename, v) : v;
    return Array.isArray(value) ? value.map(encode) : encode(value);
  };
}

/** The description of a reference id field. */
export function referenceIdDoc(typename: string, what: string): string {
  return `Global id of ${what} (the \`id\` of the ${typename}; node(id) returns it).`;
}
