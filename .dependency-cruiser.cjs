/**
 * One-way layering (STYLE.md "Layering", issue 13 item 10), checked by `npm run check:layers` in CI.
 *
 *   feature resolver -> feature service -> feature mapper -> barrack api class -> barrack http client
 *   every arrow points down that line or into common/; cross-cutting modules and infrastructure know no feature;
 *   common/ is the bottom layer and imports no other src/ folder.
 *
 * What an import graph cannot see, that only a feature's mapper touches Barrack's snake_case wire fields (never
 * its *.service.ts or *.resolver.ts), scripts/check-wire-fields.ts checks as the second half of
 * `npm run check:layers`.
 *
 * Every folder under src/ is in exactly one of the three lists below (test/layers checks that), so a new folder
 * has to be classified before the check passes. The README's Architecture section repeats the lists.
 */

/** Barrack resource groups: each owns its resolvers, service, mapper (wire in, model out), models and inputs. */
const FEATURES = {
  account: 'balance and account facts (Barrack account group)',
  ai: 'AI chat completions and usage (Barrack AI group)',
  catalog: 'regions, GPU specs, stock, pricing, OS images, volume types, protocols (read-only catalogue)',
  firewalls: 'firewalls, their rules and attachments',
  images: 'custom images made from snapshots',
  instances: 'virtual machines: lifecycle, security rules, billing, the instanceUpdated feed',
  scripts: 'startup scripts',
  snapshots: 'snapshots of instances and restoring them',
  'ssh-keys': 'SSH keys',
  volumes: 'volumes and their attachments',
};

/** Modules every feature may use and that use no feature: features register with them (tokens, registries). */
const CROSS_CUTTING = {
  idempotency: 'Idempotency-Key records; features register their own reconcilers (IdempotencyReconcilers)',
  audit: 'audit log of mutations, written by a plugin from operation metadata',
  cache: 'upstream response cache and its admin API; features name their cache kinds',
  'rate-limit': 'request, cost and billable-mutation limits read from decorators and the schema',
  'response-cache': 'whole-response cache driven by schema hints',
  live: 'cross-replica pub/sub bus that features publish to and subscribe on',
  node: 'node(id)/nodes(ids); features register how their ids resolve (NodeRegistry)',
  subscriptions: 'graphql-ws and SSE transport; features bring their own subscription fields',
  'persisted-documents': 'APQ and trusted documents, before any resolver',
  tracing: 'OpenTelemetry spans for requests and upstream calls',
  metrics: 'Prometheus registry and endpoint',
  logging: 'structured logs with the request id',
};

/** The floor everything stands on; it imports no feature (and barrack/ speaks HTTP for all of them). */
const INFRASTRUCTURE = {
  barrack: 'the only code that speaks HTTP to Barrack: contract, http client, one api class per group',
  common: 'what features share: errors and their one mapping point, graphql glue, request context, helpers',
  config: 'the one validated env schema',
  redis: 'the Redis connection and its guard',
  tenancy: 'tenant registry and credentials',
  auth: 'authentication, principals, scopes and their decorators',
  health: 'liveness and readiness endpoints',
  graphiql: 'the GraphiQL page',
};

/**
 * What a feature deliberately offers other features (and nothing else of it may be imported from outside):
 * its Nest module (to import), the service that module exports, and the GraphQL model other features'
 * edges resolve to. Shared code that is not one feature's object lives in common/.
 */
const PUBLIC_SURFACE = [
  // Volume.attachedInstance, Snapshot.instance, Firewall.instances, restoreSnapshot's Instance: loaded with the
  // per-request batch of InstancesService.load/loadFresh.
  '^src/instances/instances[.]module[.]ts$',
  '^src/instances/instances[.]service[.]ts$',
  '^src/instances/models/instance[.]model[.]ts$',
  // Image.sourceSnapshot and the snapshot an image was made from.
  '^src/snapshots/snapshots[.]module[.]ts$',
  '^src/snapshots/snapshots[.]service[.]ts$',
  '^src/snapshots/models/snapshot[.]model[.]ts$',
];

const group = (names) => `^src/(${Object.keys(names).join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'barrack-imports-no-feature',
      severity: 'error',
      comment:
        'barrack/ is the HTTP layer under every feature: wire types in, wire types out; mappers live in the features.',
      from: { path: '^src/barrack/' },
      to: { path: group(FEATURES) },
    },
    {
      name: 'feature-imports-no-other-feature',
      severity: 'error',
      comment:
        'A feature never reaches into another feature: what two features share lives in src/common/, or is in the declared PUBLIC_SURFACE.',
      from: { path: `${group(FEATURES)}` },
      to: { path: group(FEATURES), pathNot: ['^src/$1/', ...PUBLIC_SURFACE] },
    },
    {
      name: 'cross-cutting-imports-no-feature',
      severity: 'error',
      comment:
        'Cross-cutting modules know no feature: features register with them (provider token, registry, decorator).',
      from: { path: group(CROSS_CUTTING) },
      to: { path: group(FEATURES) },
    },
    {
      name: 'infrastructure-imports-no-feature',
      severity: 'error',
      comment: 'config/, auth/, tenancy/, ... sit under every feature.',
      // barrack/ and common/ have their own rules, with their own messages.
      from: { path: group(INFRASTRUCTURE), pathNot: ['^src/barrack/', '^src/common/'] },
      to: { path: group(FEATURES) },
    },
    {
      name: 'common-imports-nothing-above',
      severity: 'error',
      comment:
        'common/ is the bottom layer: it imports no other src/ folder (not barrack/, config/, a feature, ...). What common/ needs from above is passed in or registered.',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes Nest inject undefined providers and hides which way a layer points.',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // Type-only imports count: an `import type` of a feature's model is still an arrow to that feature.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};

// For test/layers (every src/ folder classified); not enumerable, as depcruise refuses unknown config keys.
Object.defineProperty(module.exports, 'layers', {
  value: { FEATURES, CROSS_CUTTING, INFRASTRUCTURE, PUBLIC_SURFACE },
  enumerable: false,
});
