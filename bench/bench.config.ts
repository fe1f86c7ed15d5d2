/* eslint-disable @typescript-eslint/no-explicit-any -- the bodies checked here are untyped JSON of the systems under test */
/*
 * Everything a schema change can break lives here: the GraphQL documents the scenarios send (ours and the
 * peer's), the check each response must pass, and the load parameters. The harness (run-bench.ts) only wires
 * them to processes and autocannon.
 */

import { toGlobalId } from '../src/common/graphql/global-id';

/** A parsed GraphQL response body. */
export interface GqlBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A check: undefined when the response is a correct answer, else a short reason (counted, first ones kept). */
export type Check = (body: GqlBody, vars: Record<string, unknown>) => string | undefined;

const nonEmptyArray = (v: unknown, what: string): string | undefined =>
  Array.isArray(v) && v.length > 0 ? undefined : `${what} is not a non-empty array`;

const firstFailure = (...r: (string | undefined)[]): string | undefined => r.find((x) => x !== undefined);

// ---------------------------------------------------------------------------------------------- ours

/** Scenario 1 / 5 / issue 6: what a console's "deploy" page reads on every visit. */
export const CATALOGUE_QUERY = /* GraphQL */ `
  query Catalogue {
    regions {
      code
      name
      description
      country
    }
    gpuStock {
      regionCode
      gpuModel
      available
      availableAtLeast
      configurations {
        gpuCount
        deployableVms
      }
    }
    pricing {
      currency
      gpus {
        gpuModel
        hourlyRate
        perMinuteRate
      }
      volumePerTbHour
      hibernationPerHour
    }
  }
`;
export const checkCatalogue: Check = (b) =>
  firstFailure(
    nonEmptyArray(b.data?.regions, 'regions'),
    nonEmptyArray(b.data?.gpuStock, 'gpuStock'),
    nonEmptyArray(b.data?.pricing?.gpus, 'pricing.gpus'),
  );

/** Issue 3's yardstick: the same data as the simulator's GET /regions/, through the gateway. */
export const REGIONS_QUERY = /* GraphQL */ `
  query Regions {
    regions {
      code
      name
      description
      country
    }
  }
`;
export const checkRegions: Check = (b) => nonEmptyArray(b.data?.regions, 'regions');

/** Scenario 2: one instance by id; instance reads are never cached, so every query is one Barrack call. */
export const INSTANCE_QUERY = /* GraphQL */ `
  query Instance($id: ID!) {
    instance(id: $id) {
      id
      barrackId
      name
      status
      region
      gpuModel
      gpuCount
      privateIp
      publicIp
      billing {
        hourlyRate
        currency
        accruedCost
      }
      createdAt
    }
  }
`;
export const checkInstance: Check = (b, v) =>
  b.data?.instance?.barrackId === v.id ? undefined : `instance.barrackId is not ${String(v.id)}`;

/** Scenario 3: a console's instances page; the instance count is CONSOLE_INSTANCES. */
export const CONSOLE_QUERY = /* GraphQL */ `
  query ConsolePage($pageSize: Int!) {
    instances(first: $pageSize) {
      totalCount
      nodes {
        id
        name
        status
        region
        gpuModel
        gpuCount
        publicIp
        billing {
          hourlyRate
          currency
          accruedCost
        }
        snapshots {
          nodes {
            id
            name
            status
            sizeGb
          }
        }
        volumes {
          nodes {
            id
            name
            sizeGb
            status
          }
        }
        firewalls {
          id
          name
          ruleCount
        }
      }
    }
  }
`;
export const checkConsole: Check = (b, v) => {
  const items = b.data?.instances?.nodes as any[] | undefined;
  if (!Array.isArray(items) || items.length !== v.pageSize)
    return `instances.nodes length is not ${String(v.pageSize)}`;
  // The seeded world gives every instance one volume, one snapshot and one firewall: an empty list is a bug.
  const bare = items.find(
    (i) => !i.volumes?.nodes?.length || !i.snapshots?.nodes?.length || !i.firewalls?.length,
  );
  return bare ? `instance ${String(bare.id)} lacks its nested volume/snapshot/firewall` : undefined;
};

/** Scenario 6 (second ceiling): the cheapest possible query, through auth, limits and the GraphQL engine. */
export const TYPENAME_QUERY = '{ __typename }';
export const checkTypename: Check = (b) =>
  b.data?.__typename === 'Query' ? undefined : '__typename is not Query';

/** Scenario 4: one lifecycle step per request; each connection cycles rule → stop → start on its own VM. */
export const MUTATIONS = {
  addRule: /* GraphQL */ `
    mutation AddRule($input: AddInstanceSecurityRuleInput!) {
      addInstanceSecurityRule(input: $input) {
        instanceId
        securityRule {
          id
        }
        userErrors {
          code
        }
      }
    }
  `,
  stop: /* GraphQL */ `
    mutation Stop($input: InstanceActionInput!) {
      stopInstance(input: $input) {
        instanceId
        status
        previousStatus
        userErrors {
          code
        }
      }
    }
  `,
  start: /* GraphQL */ `
    mutation Start($input: InstanceActionInput!) {
      startInstance(input: $input) {
        instanceId
        status
        previousStatus
        userErrors {
          code
        }
      }
    }
  `,
} as const;
export type MutationStep = keyof typeof MUTATIONS;
export const MUTATION_CYCLE: readonly MutationStep[] = ['addRule', 'stop', 'start'];

export function mutationVariables(
  step: MutationStep,
  instanceId: string,
  n: number,
): Record<string, unknown> {
  if (step === 'addRule') {
    const port = 10_000 + (n % 50_000);
    return {
      input: {
        instanceId,
        direction: 'INGRESS',
        protocol: 'TCP',
        ethertype: 'IPV4',
        remoteIpPrefix: '10.0.0.0/8',
        portRangeMin: port,
        portRangeMax: port,
      },
    };
  }
  return { input: { id: instanceId } };
}

export const checkMutation =
  (step: MutationStep): Check =>
  (b, v) => {
    const input = v.input as { id?: string; instanceId?: string };
    const id = input.id ?? input.instanceId;
    const field = { addRule: 'addInstanceSecurityRule', stop: 'stopInstance', start: 'startInstance' }[step];
    const p = b.data?.[field];
    // Reference ids answer the global id; the bench sends Barrack's ids (which id arguments also accept).
    if (p?.instanceId !== toGlobalId('Instance', String(id)))
      return `${field}.instanceId is not ${String(id)}`;
    if (step === 'addRule' && typeof p.securityRule?.id !== 'string') return 'securityRule.id missing';
    return undefined;
  };

/** The userError code that is a correct business answer of the mutation mix (the VM was not in the state). */
export const MUTATION_BUSINESS_CODES = ['INVALID_STATE'];

// ---------------------------------------------------------------------------------------------- peer

/*
 * The peer serves Barrack's REST shapes as Mesh generates them (snake_case, success/error unions), so its
 * documents select the same data under Mesh's names.
 */
export const PEER_CATALOGUE_QUERY = /* GraphQL */ `
  query Catalogue {
    listRegions {
      ... on RegionsResponse {
        data {
          regions {
            name
            description
            country
          }
        }
      }
    }
    listGpuStocks {
      ... on GPUStocksResponse {
        data {
          gpu_stocks {
            region
            stock_type
            models {
              model
              available
              configurations {
                _1x
                _2x
                _4x
                _8x
              }
            }
          }
        }
      }
    }
    getPricing {
      ... on PricingResponse {
        data {
          currency
          gpus {
            gpu_model
            hourly_rate
            per_minute_rate
          }
        }
      }
    }
  }
`;
export const checkPeerCatalogue: Check = (b) =>
  firstFailure(
    nonEmptyArray(b.data?.listRegions?.data?.regions, 'listRegions.data.regions'),
    nonEmptyArray(b.data?.listGpuStocks?.data?.gpu_stocks, 'listGpuStocks.data.gpu_stocks'),
    nonEmptyArray(b.data?.getPricing?.data?.gpus, 'getPricing.data.gpus'),
  );

export const PEER_INSTANCE_QUERY = /* GraphQL */ `
  query Instance($id: InstanceId!) {
    getInstance(instance_id: $id) {
      ... on VMDetailsResponse {
        data {
          instance_id
          name
          status
          region
          gpu_model
          gpu_count
          private_ip
          public_ip
          hourly_rate
          currency
          accrued_cost
          created_at
        }
      }
    }
  }
`;
export const checkPeerInstance: Check = (b, v) =>
  b.data?.getInstance?.data?.instance_id === v.id
    ? undefined
    : `getInstance.data.instance_id is not ${String(v.id)}`;

// ---------------------------------------------------------------------------------------------- load

export interface LoadProfile {
  /** Concurrent keep-alive connections. */
  connections: number;
}

export const LOAD = {
  /** Saturating load for throughput figures (CPU-bound on this machine, not latency-bound). */
  saturate: { connections: 32 },
  /** Pass-through waits 20 ms upstream per request: more connections so the gateway, not the wait, is the limit. */
  passThrough: { connections: 64 },
  /** The console query is heavy: fewer connections keep latency readable. */
  console: { connections: 16 },
  /** One VM per connection in the mutation mix. */
  mutations: { connections: 16 },
  /** One request at a time for latency deltas (overhead, limiter): nothing queues, p50 is one request's cost. */
  latency: { connections: 1 },
} satisfies Record<string, LoadProfile>;

/** Instances on the console page (issue 9: 50). */
export const CONSOLE_INSTANCES = 50;
/** Tenants of scenario 5 (issue 9: 100), each with its own API key and Barrack account. */
export const TENANT_COUNT = 100;
/** Upstream latency of the simulator for every scenario but the simulator ceiling. */
export const UPSTREAM_LATENCY_MS = 20;

/**
 * Targets of issue 14 ("Targets": ratios in one quiet run of `npm run bench`). The report's targets table is
 * built from these, one row each, with the measured figure and the margin.
 */
export const TARGETS = {
  /** S1 (our response-cache hit) ≥ 3× the peer's response-cache throughput, with p99 ≤ the peer's. */
  catalogueThroughputVsPeer: 3,
  /** S1 ≥ 25% of the raw node:http ceiling (S6a: the simulator's GET /regions/ at 0 ms), same run. */
  hitPathVsRawCeiling: 0.25,
  /** S2 at 20 ms upstream: gateway p50 minus the direct upstream call's p50 (OV-gw − OV-direct) ≤ 1 ms. */
  overheadP50MaxMs: 1,
  /** S2 at 20 ms upstream: gateway CPU ms per answer ≤ 0.5× the peer's. */
  passThroughCpuVsPeerMax: 0.5,
  /** S2 at 0 ms upstream (S2-0ms), where throughput is the gateway's own work: ≥ 2× the peer. */
  passThroughZeroLatencyVsPeer: 2,
  /** S3 console page ≥ 2× the baseline pages/s, at ≤ 4 upstream calls per page. */
  consoleVsBaseline: 2,
  consoleUpstreamCallsMax: 4,
  /** S5 (100 tenants) ≥ 0.9× S1. */
  tenantsVsCatalogue: 0.9,
  /** S7: reads that did not reflect the reader's own last mutation. */
  staleAfterOwnWriteMax: 0,
  /**
   * Soak "RSS flat over 10 minutes with the response cache on": the least-squares slope of the RSS samples
   * taken after the warm-up (SOAK_WARMUP_S) is at most this many MB per minute, over a soak of at least
   * SOAK_MIN_S. 1 MB/min is 8 MB over the 8 minutes measured: GC and allocator noise stay under it, while a
   * leak of 1 KB per request at a few hundred req/s (≥ 15 MB/min) is far above it.
   */
  soakRssSlopeMaxMbPerMin: 1,
} as const;

/**
 * The S3 baseline: 137 pages/s, the console page as issue 14 measured it on a quiet machine (load average under
 * 1) before its work began. A fixed figure, not one from this run.
 */
export const CONSOLE_BASELINE = {
  pagesPerSec: 137,
  origin: "issue 14's quiet-machine measurement (load average under 1) before its work",
};

/** The soak target needs at least this long a soak (issue 14: 10 minutes). */
export const SOAK_MIN_S = 600;
/** RSS samples before this point (or the first fifth of a shorter soak) are warm-up: not in the slope. */
export const SOAK_WARMUP_S = 120;

/**
 * Merging of identical in-flight upstream reads (issue 14 allows it for one tenant, but S2 must then be
 * reported with it off as well). src/ has none today: Barrack reads of the pass-through path are not merged
 * (only the catalogue cache's fill on a miss is single-flight per key, which S2 never touches). If the gateway
 * gains such a switch, name it here and the bench measures S2 and S2-0ms again with it off.
 */
export const PASS_THROUGH_MERGE: { env: string; off: string } | null = null;

// ---------------------------------------------------------------------------------------------- S7
/*
 * S7, a realistic mix across MIX_TENANTS tenants: 80% console and catalogue reads (the catalogue query, and the
 * tenant's scripts page, which the response cache stores per tenant), 15% pass-through reads (instance by id),
 * 5% mutations that invalidate (each connection creates, then deletes, a script of its own). Every scripts read
 * is checked against what that connection's own last mutation did: a read that does not reflect it is counted as
 * STALE_AFTER_OWN_WRITE (the target is 0).
 */
export const MIX_TENANTS = 20;

export const SCRIPTS_QUERY = /* GraphQL */ `
  query Scripts {
    scripts(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`;

export const CREATE_SCRIPT = /* GraphQL */ `
  mutation CreateScript($input: CreateScriptInput!) {
    createScript(input: $input) {
      script {
        id
        name
      }
      userErrors {
        code
      }
    }
  }
`;

export const DELETE_SCRIPT = /* GraphQL */ `
  mutation DeleteScript($input: DeleteScriptInput!) {
    deleteScript(input: $input) {
      userErrors {
        code
      }
    }
  }
`;

/** Which kind of request the mix sends as request `step` of a connection (deterministic, 100-step cycle). */
export function mixKind(step: number): 'catalogue' | 'scripts' | 'instance' | 'mutation' {
  const r = step % 100;
  if (r % 20 === 19) return 'mutation'; // 5%
  if (r % 20 >= 16) return 'instance'; // 15%
  return r % 2 === 0 ? 'catalogue' : 'scripts'; // 80%
}
