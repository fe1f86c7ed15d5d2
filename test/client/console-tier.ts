import './apollo-dev';
import type { TypedDocumentNode } from '@apollo/client';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  cached,
  consoleClient,
  identityProblems,
  schemaWarnings,
  untilEvent,
  type ConsoleClient,
} from './apollo-kit';
import type { InstanceFieldsFragment, InstanceUpdatedSubscription, VmStatus } from './gql/graphql';
import { InstanceById, InstanceFields, InstanceUpdated } from './operations';

/** How long a VM transition lasts on the simulator's clock, which stands still unless a test advances it. */
export const TRANSITION_MS = 60_000;

export interface ConsoleTier {
  gw: TestGateway;
  app: ConsoleClient;
  /** Completes the pending VM transitions (and ages snapshots and billing) by TRANSITION_MS. */
  advance(): void;
  /**
   * Follows instanceUpdated over graphql-ws (GraphQLWsLink) until `status`; Apollo writes the events into the
   * cache. Once the first event (the current state) is in, the clock moves the pending transition along.
   */
  untilStatus(id: string, status: VmStatus): Promise<InstanceUpdatedSubscription[]>;
  /** A read from the gateway that neither reads nor writes the cache (fetchPolicy 'no-cache'). */
  fresh<T, V extends Record<string, unknown>>(query: TypedDocumentNode<T, V>, variables: V): Promise<T>;
  /** The instance as the cache holds it (readFragment InstanceFields by its global id; no network). */
  cachedInstance(id: string): InstanceFieldsFragment | null;
}

/**
 * Registers the tier's jest hooks in the calling describe block: the gateway over the simulator (transitions
 * last TRANSITION_MS on a frozen clock, so a payload and the read after it see one state) and real Redis, one
 * Apollo client with the demo tenant's key, and after every test the cache checks: no id or Barrack id under two
 * type names, and no Apollo warning that points at the schema.
 */
export function useConsoleTier(): ConsoleTier {
  let gw: TestGateway | undefined;
  let app: ConsoleClient | undefined;
  let warn: jest.SpyInstance | undefined;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the console tier has not started (beforeAll failed?)');
    return v;
  };

  beforeAll(async () => {
    const frozen = new Date();
    gw = await startTestGateway({
      simulator: { transitionDelayMs: TRANSITION_MS, now: () => frozen },
      env: { SUBSCRIPTION_POLL_MS: '50' },
    });
    app = consoleClient(gw.gatewayUrl, gw.keys.demo);
  }, 120_000);
  beforeEach(() => {
    // Recorded for afterEach; printed too, except the list warning schemaWarnings tolerates.
    const print = console.warn.bind(console);
    warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (schemaWarnings([args]).length) print(...args);
    });
  });
  afterEach(() => {
    expect(identityProblems(need(app).cache)).toEqual([]);
    expect(schemaWarnings(need(warn).mock.calls)).toEqual([]);
    warn?.mockRestore();
  });
  afterAll(async () => {
    await app?.close();
    await gw?.close();
  });

  const tier: ConsoleTier = {
    get gw() {
      return need(gw);
    },
    get app() {
      return need(app);
    },
    advance: () => void tier.gw.sim.admin.advanceClock(TRANSITION_MS),
    untilStatus: (id, status) =>
      untilEvent(
        tier.app.client,
        InstanceUpdated,
        { id },
        (d) => d.instanceUpdated.status === status,
        `${id} ${status}`,
        (_, i) => {
          if (i === 0) tier.advance();
        },
      ),
    fresh: async <T, V extends Record<string, unknown>>(query: TypedDocumentNode<T, V>, variables: V) => {
      const r = await tier.app.client.query<T, V>({ query, variables, fetchPolicy: 'no-cache' });
      expect(r.error).toBeUndefined();
      return r.data as T;
    },
    cachedInstance: (id) => cached(tier.app.cache, InstanceFields, 'InstanceFields', 'Instance', id),
  };
  return tier;
}

/** Asserts the cache holds the object (read by global id, no network) and it equals a fresh read; returns it. */
export function asServed<T>(inCache: T | null, served: T | null | undefined): T {
  expect(inCache).not.toBeNull();
  expect(inCache).toEqual(served);
  return inCache!;
}

/** The instance in the cache equals a fresh read of InstanceFields; returns the cached object. */
export async function instanceAsServed(tier: ConsoleTier, id: string): Promise<InstanceFieldsFragment> {
  const inCache = tier.cachedInstance(id);
  return asServed(inCache, (await tier.fresh(InstanceById, { id })).instance);
}
