import './apollo-dev';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/*
 * The frontend stack as a console app builds it: Apollo Client 4 with a plain InMemoryCache (no type policies:
 * every object is normalised by __typename + id alone), an auth link that adds the API key, HTTP for queries and
 * mutations, graphql-ws (GraphQLWsLink) for subscriptions. A recording link notes every operation sent over
 * HTTP with its headers, so tests can show what went to the network and what did not.
 */

export interface SentOperation {
  operationName: string | undefined;
  headers: Record<string, string>;
}

export interface ConsoleClient {
  client: ApolloClient;
  cache: InMemoryCache;
  /** Every operation that went over HTTP, in order (subscriptions go over the WebSocket and are not listed). */
  sent: SentOperation[];
  close(): Promise<void>;
}

export function consoleClient(gatewayUrl: string, apiKey: string): ConsoleClient {
  const sent: SentOperation[] = [];
  const auth = new SetContextLink((prev) => ({
    headers: { ...(prev.headers as Record<string, string> | undefined), authorization: `Bearer ${apiKey}` },
  }));
  const record = new ApolloLink((operation, forward) => {
    const { headers } = operation.getContext() as { headers?: Record<string, string> };
    sent.push({ operationName: operation.operationName, headers: { ...headers } });
    return forward(operation);
  });
  const ws = createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
  });
  const http = ApolloLink.from([auth, record, new HttpLink({ uri: `${gatewayUrl}/graphql` })]);
  const link = ApolloLink.split(
    (op) => op.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    http,
  );
  const cache = new InMemoryCache();
  const client = new ApolloClient({ link, cache });
  return {
    client,
    cache,
    sent,
    close: async () => {
      client.stop();
      await ws.dispose();
    },
  };
}

/** What the normalised cache holds for one object, read through `fragment` by its global id (no network). */
export function cached<T>(
  cache: InMemoryCache,
  fragment: TypedDocumentNode<T>,
  fragmentName: string,
  __typename: string,
  id: string,
): T | null {
  return cache.readFragment<T>({ fragment, fragmentName, id: cache.identify({ __typename, id }) });
}

/** Every normalised entity the cache holds, by its cache key (`Typename:id`); the root objects left out. */
export function entities(cache: InMemoryCache): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(cache.extract())) {
    if (!key.startsWith('ROOT_') && value) out[key] = value;
  }
  return out;
}

/**
 * Subscribes with `client.subscribe` (GraphQLWsLink) and resolves with the first event `accept` takes, then
 * closes the subscription; fails on a subscription error or after `timeoutMs`. Apollo writes every event it
 * receives into the normalised cache.
 */
export function untilEvent<T, V extends Record<string, unknown>>(
  client: ApolloClient,
  query: TypedDocumentNode<T, V>,
  variables: V,
  accept: (data: T) => boolean,
  what: string,
  /** Called with every event before `accept`, e.g. to move the simulator's clock once the first is in. */
  onEvent: (data: T, index: number) => void = () => undefined,
  timeoutMs = 15_000,
): Promise<T[]> {
  const events: T[] = [];
  return new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`));
    }, timeoutMs);
    const finish = (err?: unknown) => {
      clearTimeout(timer);
      sub.unsubscribe();
      if (err === undefined) resolve(events);
      else reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
    };
    const sub = client.subscribe({ query, variables }).subscribe({
      next: (r) => {
        if (r.error) return finish(r.error);
        if (r.data === undefined) return;
        events.push(r.data);
        onEvent(r.data, events.length - 1);
        if (accept(r.data)) finish();
      },
      error: (e: unknown) => finish(e),
      complete: () => finish(new Error(`${what}: the subscription completed first`)),
    });
  });
}

/**
 * What breaks Apollo's normalisation, found in the cache: a global id held by objects of two types (ids must be
 * unique across types), or one Barrack object cached under two type names (e.g. Snapshot and SnapshotRef).
 */
export function identityProblems(cache: InMemoryCache): string[] {
  const typesById = new Map<string, Set<string>>();
  const typesByBarrackId = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, t: string) => m.set(k, (m.get(k) ?? new Set()).add(t));
  for (const e of Object.values(entities(cache))) {
    const typename = String(e.__typename);
    if (typeof e.id === 'string') add(typesById, e.id, typename);
    if (typeof e.barrackId === 'string') add(typesByBarrackId, e.barrackId, typename);
  }
  const many = (m: Map<string, Set<string>>, what: string) =>
    [...m].filter(([, t]) => t.size > 1).map(([k, t]) => `${what} ${k} under ${[...t].join(', ')}`);
  return [...many(typesById, 'id'), ...many(typesByBarrackId, 'barrackId')];
}

const DATA_LOSS = 'Cache data may be lost when replacing the %s field of a %s object.';

/**
 * The console.warn calls that point at the schema: everything Apollo warns about except its data-loss warning
 * for a list (`Instance.firewalls` going from one firewall to none). A list that shrinks is replaced whole, and
 * its items are references to normalised objects, so nothing is lost; Apollo warns about it all the same (its
 * third argument names no type then). The same warning for an object (an object type without an id, replaced
 * by one with fewer fields) is kept.
 */
export function schemaWarnings(calls: unknown[][]): unknown[][] {
  return calls.filter(
    ([message, , , typeHint]) =>
      !(typeof message === 'string' && message.startsWith(DATA_LOSS) && typeHint === ''),
  );
}
