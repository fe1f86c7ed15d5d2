import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { GatewayError } from '../errors/gateway-error';

/*
 * Relay cursor connections (https://relay.dev/graphql/connections.htm), one generic for every list that grows
 * with use. `Connection(Instance)` makes `InstanceConnection { edges { cursor node } nodes pageInfo totalCount }`
 * and `InstanceEdge`. Lists are read whole from Barrack once per request (see PerRequestCollection) and sliced
 * here, so forward (first/after) and backward (last/before) paging are both exact.
 *
 * Cursors are opaque to clients. Today a cursor is base64url of `c1:<list>:<offset>`: the list it belongs to
 * and the position of the edge in it. A cursor given to another list (e.g. a snapshot cursor to `instances`) is
 * refused as BAD_USER_INPUT on `after`/`before`, so a client bug shows instead of a silently wrong page. Offsets
 * are positions in the filtered, ordered list: a page read later may shift when items are added or removed,
 * as with any offset paging (Barrack itself pages by page number).
 */

/** Page size when neither `first` nor `last` is given (the cost model assumes the same). */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first`/`last` a request may ask for. */
export const MAX_PAGE_SIZE = 100;

const CURSOR_VERSION = 'c1';
const LIST_NAME = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;

@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'True when items follow this page (ask again with `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede this page (ask again with `before: startCursor`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null for an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null for an empty page.' })
  endCursor!: string | null;
}

/** `first`/`after`/`last`/`before`, validated by connectionFromArray. Lists extend it with their filters. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Returns the first n items (0 to ${MAX_PAGE_SIZE}) after \`after\`. Without first and last: first ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Returns items after this cursor (an `endCursor` or edge `cursor` of this same list).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Returns the last n items (0 to ${MAX_PAGE_SIZE}) before \`before\`. Not together with first.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Returns items before this cursor (a `startCursor` or edge `cursor` of this same list).',
  })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The `XConnection` base class for node type `X` (with its `XEdge`). Use as
 * `@ObjectType() export class InstanceConnection extends Connection(Instance, 'instances') {}`.
 */
export function Connection<T>(nodeType: Type<T>, what: string): Type<ConnectionShape<T>> {
  const name = nodeType.name;

  @ObjectType(`${name}Edge`, { description: `One ${name} in a connection, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque cursor of this edge: pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: `This page of ${what}, each with its cursor.` })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: `This page of ${what}, without cursors (same order as edges).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more items precede or follow this page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${what} in the whole filtered list, on every page.` })
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** Where a connection's items sit below it, for look-ahead on the selection (FieldPrefetch). */
export const CONNECTION_ITEM_PATHS: readonly (readonly string[])[] = [['nodes'], ['edges', 'node']];

/**
 * Offsets below this have their cursors remembered, per list name. Every caller passes a literal list name
 * (a dozen in all), so the memo holds at most a dozen arrays of this many short strings.
 */
const REMEMBERED_OFFSETS = 1_000;
const rememberedCursors = new Map<string, string[]>();

/**
 * The opaque cursor of position `offset` in list `list`. Every item of every page gets one, so the usual
 * ones (list names are code constants, offsets of the first pages) are built once: a console page made
 * ~200 of them, each a regex test, a Buffer and a base64url encoding.
 */
export function encodeCursor(list: string, offset: number): string {
  let cursors = rememberedCursors.get(list);
  if (!cursors) {
    if (!LIST_NAME.test(list)) throw new Error(`not a list name: ${list}`);
    rememberedCursors.set(list, (cursors = []));
  }
  const small = Number.isInteger(offset) && offset >= 0 && offset < REMEMBERED_OFFSETS;
  const known = small ? cursors[offset] : undefined;
  if (known !== undefined) return known;
  const cursor = Buffer.from(`${CURSOR_VERSION}:${list}:${offset}`, 'utf8').toString('base64url');
  if (small) cursors[offset] = cursor;
  return cursor;
}

/**
 * Keyset cursors, for lists read by key rather than by position (the audit trail pages by stream id, so a
 * record appended meanwhile never shifts a page). Same envelope as offset cursors, with the key in place of
 * the offset; `keyPattern` checks it on the way back in.
 */
export function encodeKeyCursor(list: string, key: string): string {
  if (!LIST_NAME.test(list)) throw new Error(`not a list name: ${list}`);
  return Buffer.from(`${CURSOR_VERSION}:${list}:${key}`, 'utf8').toString('base64url');
}

/** The key a keyset cursor of list `list` names; BAD_USER_INPUT on `field` for anything else. */
export function decodeKeyCursor(
  cursor: string,
  list: string,
  field: 'after' | 'before',
  keyPattern: RegExp,
): string {
  const bad = () => new GatewayError('BAD_USER_INPUT', `${field} is not a cursor of this list`, { field });
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  const [version, name, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const key = rest.join(':');
  if (version !== CURSOR_VERSION || name !== list || !keyPattern.test(key)) throw bad();
  return key;
}

/** The offset a cursor of list `list` names; BAD_USER_INPUT on `field` for anything else. */
export function decodeCursor(cursor: string, list: string, field: 'after' | 'before'): number {
  const bad = () => new GatewayError('BAD_USER_INPUT', `${field} is not a cursor of this list`, { field });
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts.length !== 3 || parts[0] !== CURSOR_VERSION || parts[1] !== list) throw bad();
  const offset = Number(parts[2]);
  if (!/^\d{1,9}$/.test(parts[2] ?? '') || !Number.isSafeInteger(offset)) throw bad();
  return offset;
}

function checkCount(field: 'first' | 'last', n: number | null | undefined): number | undefined {
  if (n === null || n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new GatewayError('BAD_USER_INPUT', `${field} must be an integer from 0 to ${MAX_PAGE_SIZE}`, {
      field,
    });
  }
  return n;
}

/**
 * Checks the connection arguments of list `list` (counts in range, not both first and last, cursors of this
 * list). Call it before reading from Barrack, so a bad argument costs no upstream call.
 */
export function assertConnectionArgs(args: ConnectionArgs, list: string): void {
  connectionWindow(args, Number.MAX_SAFE_INTEGER, list);
}

/** `first` and `last`, checked: each 0 to MAX_PAGE_SIZE, not both. */
export function connectionCounts(args: ConnectionArgs): { first?: number; last?: number } {
  const first = checkCount('first', args.first);
  const last = checkCount('last', args.last);
  if (first !== undefined && last !== undefined) {
    throw new GatewayError('BAD_USER_INPUT', 'give first or last, not both', { field: 'last' });
  }
  return { first, last };
}

/** The window [start, end) of a list of `length` items that the connection arguments select. */
export function connectionWindow(
  args: ConnectionArgs,
  length: number,
  list: string,
): { start: number; end: number } {
  const { first, last } = connectionCounts(args);
  let start = 0;
  let end = length;
  if (args.after != null) start = Math.min(length, decodeCursor(args.after, list, 'after') + 1);
  if (args.before != null) end = Math.max(start, Math.min(length, decodeCursor(args.before, list, 'before')));
  if (last !== undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? DEFAULT_PAGE_SIZE));
  return { start, end };
}

/**
 * A connection over the whole (filtered, ordered) list `all`. `list` names the list in its cursors, e.g.
 * 'instances' or 'Instance.snapshots'.
 */
export function connectionFromArray<T>(
  all: readonly T[],
  args: ConnectionArgs,
  list: string,
): ConnectionShape<T> {
  const { start, end } = connectionWindow(args, all.length, list);
  return connectionFromSlice(all.slice(start, end), start, all.length, list);
}

/** A connection from one page `slice` that starts at position `offset` of a list of `totalCount` items. */
export function connectionFromSlice<T>(
  slice: readonly T[],
  offset: number,
  totalCount: number,
  list: string,
): ConnectionShape<T> {
  const edges = slice.map((node, i) => ({ cursor: encodeCursor(list, offset + i), node }));
  return {
    edges,
    nodes: [...slice],
    totalCount,
    pageInfo: {
      hasPreviousPage: offset > 0,
      hasNextPage: offset + slice.length < totalCount,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
