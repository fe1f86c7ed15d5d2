import type { BarrackOperationId } from './operations';

/** A root field of the schema: `Query.<name>` or `Mutation.<name>`. */
export type RootField = `Query.${string}` | `Mutation.${string}`;

/**
 * Where every Barrack REST operation is reachable in the GraphQL schema. The `satisfies` makes a new
 * contract operation without a field a compile error; test/schema/operation-coverage.e2e-spec.ts checks every
 * field exists in the built schema; `npm run docs:coverage` turns this map into docs/COVERAGE.md.
 * It sits beside the contract's operation list (root field names are plain strings here: barrack/ still
 * imports no feature), not in common/, which imports nothing above itself.
 *
 * Graph edges that reuse an operation (e.g. Instance.firewalls reads listFirewalls once per request) are
 * listed in GRAPH_EDGES below; they come on top of the root field, never instead of it.
 */
export const OPERATION_COVERAGE = {
  // Balance, catalogue
  getBalance: 'Query.balance',
  listGpuStocks: 'Query.gpuStock',
  getGpuSpecs: 'Query.gpuSpecs',
  listRegions: 'Query.regions',
  getPricing: 'Query.pricing',
  quotePricing: 'Query.priceQuote',
  listOsImages: 'Query.osImages',
  listVolumeTypes: 'Query.volumeTypes',
  listFirewallProtocols: 'Query.firewallProtocols',
  listAiModels: 'Query.aiModels',
  // Instances
  createInstance: 'Mutation.createInstance',
  listInstances: 'Query.instances',
  getInstance: 'Query.instance',
  deleteInstance: 'Mutation.deleteInstance',
  getInstanceBilling: 'Query.instanceBillingHistory',
  startInstance: 'Mutation.startInstance',
  stopInstance: 'Mutation.stopInstance',
  rebootInstance: 'Mutation.rebootInstance',
  hibernateInstance: 'Mutation.hibernateInstance',
  restoreInstance: 'Mutation.restoreInstance',
  toggleInstancePublicIp: 'Mutation.toggleInstancePublicIp',
  getHibernatedInstancesCount: 'Query.hibernatedInstancesCount',
  addInstanceSecurityRule: 'Mutation.addInstanceSecurityRule',
  removeInstanceSecurityRule: 'Mutation.removeInstanceSecurityRule',
  listInstanceFirewalls: 'Query.instanceFirewalls',
  listSnapshotEligibleInstances: 'Query.snapshotEligibleInstances',
  // SSH keys
  listSshKeys: 'Query.sshKeys',
  createSshKey: 'Mutation.createSshKey',
  getSshKey: 'Query.sshKey',
  deleteSshKey: 'Mutation.deleteSshKey',
  // Volumes
  listVolumes: 'Query.volumes',
  createVolume: 'Mutation.createVolume',
  getVolume: 'Query.volume',
  deleteVolume: 'Mutation.deleteVolume',
  resizeVolume: 'Mutation.resizeVolume',
  cloneVolume: 'Mutation.cloneVolume',
  attachVolumes: 'Mutation.attachVolumes',
  detachVolumes: 'Mutation.detachVolumes',
  getVolumeBilling: 'Query.volumeBillingHistory',
  // Firewalls
  listFirewalls: 'Query.firewalls',
  createFirewall: 'Mutation.createFirewall',
  getFirewall: 'Query.firewall',
  deleteFirewall: 'Mutation.deleteFirewall',
  listFirewallAvailableInstances: 'Query.firewallAvailableInstances',
  addFirewallRule: 'Mutation.addFirewallRule',
  removeFirewallRule: 'Mutation.removeFirewallRule',
  attachFirewall: 'Mutation.attachFirewall',
  // Startup scripts
  listScripts: 'Query.scripts',
  createScript: 'Mutation.createScript',
  getScript: 'Query.script',
  updateScript: 'Mutation.updateScript',
  deleteScript: 'Mutation.deleteScript',
  bulkDeleteScripts: 'Mutation.deleteScripts',
  // Snapshots
  createSnapshot: 'Mutation.createSnapshot',
  listSnapshots: 'Query.snapshots',
  getSnapshot: 'Query.snapshot',
  deleteSnapshot: 'Mutation.deleteSnapshot',
  restoreSnapshot: 'Mutation.restoreSnapshot',
  getSnapshotBilling: 'Query.snapshotBillingHistory',
  // Images
  listImages: 'Query.images',
  getImage: 'Query.image',
  deleteImage: 'Mutation.deleteImage',
  createImageFromSnapshot: 'Mutation.createImageFromSnapshot',
  getSnapshotImageRelationship: 'Query.snapshotImageRelationship',
  listSnapshotImageRelationships: 'Query.snapshotImageRelationships',
  // AI chat
  chatCompletion: 'Mutation.createChatCompletion',
  getAiUsageSummary: 'Query.aiUsageSummary',
  getAiUsageHistory: 'Query.aiUsageHistory',
} as const satisfies Record<BarrackOperationId, RootField>;

/** Nested fields that reach an operation lazily and batched per request (documentation; checked like the roots). */
export const GRAPH_EDGES: readonly { field: string; operationId: BarrackOperationId; how: string }[] = [
  {
    field: 'Region.gpuStock',
    operationId: 'listGpuStocks',
    how: 'one cached stock read per request, grouped by region',
  },
  { field: 'Region.pricing', operationId: 'getPricing', how: 'one cached price list per (region, currency)' },
  { field: 'GpuStock.region', operationId: 'listRegions', how: 'one cached regions read per request' },
  {
    field: 'Instance.firewalls',
    operationId: 'listFirewalls',
    how: 'one firewall list per request, grouped by instance',
  },
  {
    field: 'Firewall.instances',
    operationId: 'listInstances',
    how: 'the instances DataLoader shared by every edge',
  },
  { field: 'InstanceFirewall.firewall', operationId: 'listFirewalls', how: 'one firewall list per request' },
];
