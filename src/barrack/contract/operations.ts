import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { operations } from './barrack-api.types';

/** Every operationId of the Barrack contract; a typo is a compile error. */
export type BarrackOperationId = keyof operations;

export type BarrackHttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface BarrackOperation {
  readonly operationId: BarrackOperationId;
  readonly method: BarrackHttpMethod;
  /** Path template relative to the base URL, with the trailing slash of the contract. */
  readonly path: string;
  readonly tag: string;
}

/**
 * The 68 operations of contract/barrack.openapi.yaml, as a static list so that callers need no file access at
 * runtime. operations.spec.ts fails when this list and the YAML disagree.
 */
export const BARRACK_OPERATIONS = [
  { operationId: 'getBalance', method: 'get', path: '/balance/', tag: 'Balance' },
  { operationId: 'listGpuStocks', method: 'get', path: '/gpu-stocks/', tag: 'GPU Stocks' },
  { operationId: 'getGpuSpecs', method: 'get', path: '/gpu-specs/', tag: 'GPU Specs' },
  { operationId: 'listRegions', method: 'get', path: '/regions/', tag: 'Regions' },
  { operationId: 'getPricing', method: 'get', path: '/pricing/', tag: 'Pricing' },
  { operationId: 'quotePricing', method: 'post', path: '/pricing/', tag: 'Pricing' },
  { operationId: 'createInstance', method: 'post', path: '/instances/', tag: 'Deploy Instance' },
  { operationId: 'listInstances', method: 'get', path: '/instances/', tag: 'Instances' },
  { operationId: 'getInstance', method: 'get', path: '/instances/{instance_id}/', tag: 'Instances' },
  { operationId: 'deleteInstance', method: 'delete', path: '/instances/{instance_id}/', tag: 'Instances' },
  {
    operationId: 'getInstanceBilling',
    method: 'get',
    path: '/instances/{instance_id}/billing/',
    tag: 'Instances',
  },
  { operationId: 'startInstance', method: 'post', path: '/instances/{instance_id}/start/', tag: 'Instances' },
  { operationId: 'stopInstance', method: 'post', path: '/instances/{instance_id}/stop/', tag: 'Instances' },
  {
    operationId: 'rebootInstance',
    method: 'post',
    path: '/instances/{instance_id}/reboot/',
    tag: 'Instances',
  },
  {
    operationId: 'hibernateInstance',
    method: 'post',
    path: '/instances/{instance_id}/hibernate/',
    tag: 'Instances',
  },
  {
    operationId: 'restoreInstance',
    method: 'post',
    path: '/instances/{instance_id}/restore/',
    tag: 'Instances',
  },
  {
    operationId: 'toggleInstancePublicIp',
    method: 'post',
    path: '/instances/{instance_id}/toggle-public-ip/',
    tag: 'Instances',
  },
  {
    operationId: 'getHibernatedInstancesCount',
    method: 'get',
    path: '/instances/hibernated/count/',
    tag: 'Instances',
  },
  {
    operationId: 'addInstanceSecurityRule',
    method: 'post',
    path: '/instances/{instance_id}/security-rules/',
    tag: 'Instances',
  },
  {
    operationId: 'removeInstanceSecurityRule',
    method: 'delete',
    path: '/instances/{instance_id}/security-rules/{rule_id}/',
    tag: 'Instances',
  },
  {
    operationId: 'listInstanceFirewalls',
    method: 'get',
    path: '/instances/{instance_id}/firewalls/',
    tag: 'Instances',
  },
  {
    operationId: 'listSnapshotEligibleInstances',
    method: 'get',
    path: '/snapshots/eligible-instances/',
    tag: 'Snapshots',
  },
  { operationId: 'listOsImages', method: 'get', path: '/images/os/', tag: 'OS Images' },
  { operationId: 'listSshKeys', method: 'get', path: '/ssh-keys/', tag: 'SSH Keys' },
  { operationId: 'createSshKey', method: 'post', path: '/ssh-keys/', tag: 'SSH Keys' },
  { operationId: 'getSshKey', method: 'get', path: '/ssh-keys/{key_id}/', tag: 'SSH Keys' },
  { operationId: 'deleteSshKey', method: 'delete', path: '/ssh-keys/{key_id}/', tag: 'SSH Keys' },
  { operationId: 'listVolumes', method: 'get', path: '/volumes/', tag: 'Volumes' },
  { operationId: 'createVolume', method: 'post', path: '/volumes/', tag: 'Volumes' },
  { operationId: 'getVolume', method: 'get', path: '/volumes/{volume_id}/', tag: 'Volumes' },
  { operationId: 'deleteVolume', method: 'delete', path: '/volumes/{volume_id}/', tag: 'Volumes' },
  { operationId: 'resizeVolume', method: 'post', path: '/volumes/{volume_id}/resize/', tag: 'Volumes' },
  { operationId: 'cloneVolume', method: 'post', path: '/volumes/{volume_id}/clone/', tag: 'Volumes' },
  {
    operationId: 'attachVolumes',
    method: 'post',
    path: '/instances/{instance_id}/attach-volumes/',
    tag: 'Volumes',
  },
  {
    operationId: 'detachVolumes',
    method: 'post',
    path: '/instances/{instance_id}/detach-volumes/',
    tag: 'Volumes',
  },
  { operationId: 'listVolumeTypes', method: 'get', path: '/volumes/types/', tag: 'Volumes' },
  { operationId: 'getVolumeBilling', method: 'get', path: '/volumes/{volume_id}/billing/', tag: 'Volumes' },
  { operationId: 'listFirewalls', method: 'get', path: '/firewalls/', tag: 'Firewalls' },
  { operationId: 'createFirewall', method: 'post', path: '/firewalls/', tag: 'Firewalls' },
  { operationId: 'getFirewall', method: 'get', path: '/firewalls/{firewall_id}/', tag: 'Firewalls' },
  { operationId: 'deleteFirewall', method: 'delete', path: '/firewalls/{firewall_id}/', tag: 'Firewalls' },
  { operationId: 'listFirewallProtocols', method: 'get', path: '/firewalls/protocols/', tag: 'Firewalls' },
  {
    operationId: 'listFirewallAvailableInstances',
    method: 'get',
    path: '/firewalls/available-instances/',
    tag: 'Firewalls',
  },
  {
    operationId: 'addFirewallRule',
    method: 'post',
    path: '/firewalls/{firewall_id}/rules/',
    tag: 'Firewalls',
  },
  {
    operationId: 'removeFirewallRule',
    method: 'delete',
    path: '/firewalls/{firewall_id}/rules/{rule_id}/',
    tag: 'Firewalls',
  },
  {
    operationId: 'attachFirewall',
    method: 'post',
    path: '/firewalls/{firewall_id}/attach/',
    tag: 'Firewalls',
  },
  { operationId: 'listScripts', method: 'get', path: '/scripts/', tag: 'Scripts' },
  { operationId: 'createScript', method: 'post', path: '/scripts/', tag: 'Scripts' },
  { operationId: 'getScript', method: 'get', path: '/scripts/{script_id}/', tag: 'Scripts' },
  { operationId: 'updateScript', method: 'put', path: '/scripts/{script_id}/', tag: 'Scripts' },
  { operationId: 'deleteScript', method: 'delete', path: '/scripts/{script_id}/', tag: 'Scripts' },
  { operationId: 'bulkDeleteScripts', method: 'post', path: '/scripts/bulk-delete/', tag: 'Scripts' },
  { operationId: 'createSnapshot', method: 'post', path: '/snapshots/', tag: 'Snapshots' },
  { operationId: 'listSnapshots', method: 'get', path: '/snapshots/', tag: 'Snapshots' },
  { operationId: 'getSnapshot', method: 'get', path: '/snapshots/{snapshot_id}/', tag: 'Snapshots' },
  { operationId: 'deleteSnapshot', method: 'delete', path: '/snapshots/{snapshot_id}/', tag: 'Snapshots' },
  {
    operationId: 'restoreSnapshot',
    method: 'post',
    path: '/snapshots/{snapshot_id}/restore/',
    tag: 'Snapshots',
  },
  {
    operationId: 'getSnapshotBilling',
    method: 'get',
    path: '/snapshots/{snapshot_id}/billing/',
    tag: 'Snapshots',
  },
  { operationId: 'listImages', method: 'get', path: '/images/', tag: 'Images' },
  { operationId: 'getImage', method: 'get', path: '/images/{image_id}/', tag: 'Images' },
  { operationId: 'deleteImage', method: 'delete', path: '/images/{image_id}/', tag: 'Images' },
  {
    operationId: 'createImageFromSnapshot',
    method: 'post',
    path: '/snapshots/{snapshot_id}/image/',
    tag: 'Images',
  },
  {
    operationId: 'getSnapshotImageRelationship',
    method: 'get',
    path: '/snapshots/{snapshot_id}/image-relationship/',
    tag: 'Images',
  },
  {
    operationId: 'listSnapshotImageRelationships',
    method: 'post',
    path: '/snapshots/image-relationships/',
    tag: 'Images',
  },
  { operationId: 'chatCompletion', method: 'post', path: '/ai/chat/completions/', tag: 'AI Chat' },
  { operationId: 'getAiUsageSummary', method: 'get', path: '/ai/usage/summary/', tag: 'AI Chat' },
  { operationId: 'getAiUsageHistory', method: 'get', path: '/ai/usage/history/', tag: 'AI Chat' },
  { operationId: 'listAiModels', method: 'get', path: '/ai/models/', tag: 'AI Chat' },
] as const satisfies readonly BarrackOperation[];

const byId = new Map<string, BarrackOperation>(BARRACK_OPERATIONS.map((op) => [op.operationId, op]));

export function barrackOperation(operationId: BarrackOperationId): BarrackOperation {
  const op = byId.get(operationId);
  if (!op) throw new Error(`Unknown Barrack operation ${operationId}`);
  return op;
}

/** Minimal typed view of the parts of the OpenAPI document that project code reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Record<string, Record<string, OpenApiOperation | undefined>>;
  readonly components: {
    readonly schemas: Record<string, unknown>;
    readonly responses?: Record<string, OpenApiResponse>;
    readonly parameters?: Record<string, unknown>;
  };
  readonly tags?: readonly { readonly name: string }[];
}

export interface OpenApiOperation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly 'x-provenance'?: string;
  readonly parameters?: readonly unknown[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: unknown }> };
  readonly responses?: Record<string, OpenApiResponse | { readonly $ref: string }>;
}

export interface OpenApiResponse {
  readonly description?: string;
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

export const BARRACK_CONTRACT_RELATIVE_PATH = join('contract', 'barrack.openapi.yaml');

/** Walks up from this file to the project root, so the lookup works from src/ (ts-jest) and from dist/ (build). */
export function barrackContractPath(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, BARRACK_CONTRACT_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${BARRACK_CONTRACT_RELATIVE_PATH} not found above ${__dirname}`);
    dir = parent;
  }
}

let cached: OpenApiDocument | undefined;

/** Parses contract/barrack.openapi.yaml once per process. */
export function loadBarrackContract(): OpenApiDocument {
  if (cached) return cached;
  const raw: unknown = parse(readFileSync(barrackContractPath(), 'utf8'));
  if (!isOpenApiDocument(raw)) throw new Error('contract/barrack.openapi.yaml is not an OpenAPI document');
  cached = raw;
  return raw;
}

function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Record<string, unknown>;
  const components = doc['components'];
  return (
    typeof doc['openapi'] === 'string' &&
    typeof doc['paths'] === 'object' &&
    doc['paths'] !== null &&
    typeof components === 'object' &&
    components !== null &&
    typeof (components as Record<string, unknown>)['schemas'] === 'object'
  );
}
