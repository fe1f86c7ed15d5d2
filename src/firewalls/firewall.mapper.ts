import { DIRECTIONS, ETHERTYPES, PROTOCOLS, REGIONS, VM_STATUSES } from '../common/graphql/barrack-enums';
import { compoundKey, toGlobalId } from '../common/graphql/global-id';
import { nodeIds } from '../common/graphql/node';
import type { FirewallList, FirewallListQuery } from '../barrack/api/firewalls.api';
import { MAX_PAGE_SIZE } from '../common/graphql/connection';
import { argumentKey } from '../common/graphql/node';
import type {
  AddFirewallRuleInput,
  CreateFirewallInput,
  FirewallAvailableInstancesArgs,
  FirewallsArgs,
} from './dto/firewall.inputs';
import type { DeleteFirewallPayload } from './models/firewall-payloads.model';
import {
  type Firewall,
  type FirewallAttachment,
  type FirewallAvailableInstance,
  type FirewallRule,
  FirewallStatus,
  type InstanceFirewall,
} from './models/firewall.model';
import type { components } from '../barrack/contract/barrack-api.types';
import { date, dateOrNull, intOrNull, stringOrNull } from '../common/mapping/tolerant-values';

type S = components['schemas'];

export function toFirewallStatus(w: string | null | undefined): FirewallStatus {
  const v = (w ?? '').toUpperCase();
  return v in FirewallStatus ? FirewallStatus[v as keyof typeof FirewallStatus] : FirewallStatus.UNKNOWN;
}

export function toFirewallRule(w: S['FirewallRule']): FirewallRule {
  return {
    direction: DIRECTIONS.fromWire(w.direction),
    protocol: PROTOCOLS.fromWire(w.protocol),
    ethertype: ETHERTYPES.fromWire(w.ethertype),
    remoteIpPrefix: w.remote_ip_prefix,
    portRangeMin: intOrNull(w.port_range_min),
    portRangeMax: intOrNull(w.port_range_max),
    status: stringOrNull(w.status),
    createdAt: dateOrNull(w.created_at),
    ...nodeIds('FirewallRule', w.id),
  };
}

function toAttachment(firewallId: string, w: S['FirewallAttachment']): FirewallAttachment {
  return {
    id: toGlobalId('FirewallAttachment', compoundKey(firewallId, w.instance_id)),
    firewallId,
    instanceId: w.instance_id,
    name: stringOrNull(w.name),
    status: w.status ? VM_STATUSES.fromWire(w.status) : null,
  };
}

export function toFirewall(w: S['FirewallResponse']): Firewall {
  const rules = (w.rules ?? []).map(toFirewallRule);
  const attachments = (w.attached_instances ?? []).map((a) => toAttachment(w.firewall_id, a));
  return {
    name: w.name,
    description: stringOrNull(w.description),
    region: REGIONS.fromWire(w.region),
    status: toFirewallStatus(w.status),
    rules,
    ruleCount: intOrNull(w.rule_count) ?? rules.length,
    attachments,
    attachedCount: intOrNull(w.attached_count) ?? attachments.length,
    createdAt: date(w.created_at),
    ...nodeIds('Firewall', w.firewall_id),
  };
}

export function toFirewallAvailableInstance(w: S['FirewallVM']): FirewallAvailableInstance {
  return {
    instanceId: w.instance_id,
    name: w.name,
    region: REGIONS.fromWire(w.region),
    status: VM_STATUSES.fromWire(w.status),
    alreadyAttached: typeof w.already_attached === 'boolean' ? w.already_attached : null,
  };
}

/** One entry of an instance's firewall view; its id is unique per (instance, firewall). */
export function toInstanceFirewall(instanceId: string, w: S['AttachedFirewall']): InstanceFirewall {
  return {
    id: toGlobalId('InstanceFirewall', compoundKey(instanceId, w.firewall_id)),
    firewallId: w.firewall_id,
    instanceId,
    name: w.name,
    status: w.status ? toFirewallStatus(w.status) : null,
  };
}

/** The GraphQL input (already checked) as Barrack's rule body; ports are sent only when given. */
export function toFirewallRuleRequest(input: AddFirewallRuleInput): S['AddFirewallRuleRequest'] {
  return {
    direction: DIRECTIONS.toWire(input.direction),
    protocol: PROTOCOLS.toWire(input.protocol),
    ethertype: ETHERTYPES.toWire(input.ethertype),
    remote_ip_prefix: input.remoteIpPrefix.trim(),
    ...(input.portRangeMin != null ? { port_range_min: input.portRangeMin } : {}),
    ...(input.portRangeMax != null ? { port_range_max: input.portRangeMax } : {}),
  };
}

/** Groups the account's firewalls by attached instance id: the Instance.firewalls edge in one list call. */
export function firewallsByInstance(firewalls: readonly Firewall[]): Map<string, Firewall[]> {
  const byInstance = new Map<string, Firewall[]>();
  for (const fw of firewalls) {
    for (const a of fw.attachments) {
      const list = byInstance.get(a.instanceId) ?? [];
      list.push(fw);
      byInstance.set(a.instanceId, list);
    }
  }
  return byInstance;
}

/**
 * The list query of `firewalls`: Barrack filters (search, region) and returns the whole filtered list in one
 * page (an account has at most 25 firewalls), which the gateway pages as a connection.
 */
export function toFirewallListQuery(args: FirewallsArgs, search: string | undefined): FirewallListQuery {
  return {
    page: 1,
    page_size: MAX_PAGE_SIZE,
    search: search || undefined,
    region: args.region ? REGIONS.toWire(args.region) : undefined,
  };
}

export function toFirewallList(w: FirewallList): Firewall[] {
  return (w.firewalls ?? []).map(toFirewall);
}

export function toAvailableInstancesQuery(args: FirewallAvailableInstancesArgs): {
  region?: S['RegionEnum'];
  firewall_id?: string;
} {
  return {
    region: args.region ? REGIONS.toWire(args.region) : undefined,
    firewall_id: args.firewallId ? argumentKey(args.firewallId, 'Firewall', 'firewallId') : undefined,
  };
}

export function toFirewallAvailableInstances(w: {
  instances?: S['FirewallVM'][];
}): FirewallAvailableInstance[] {
  return (w.instances ?? []).map(toFirewallAvailableInstance);
}

export function toInstanceFirewalls(
  instanceId: string,
  w: { firewalls?: S['AttachedFirewall'][] },
): InstanceFirewall[] {
  return (w.firewalls ?? []).map((f) => toInstanceFirewall(instanceId, f));
}

export function toCreateFirewallRequest(input: CreateFirewallInput): S['CreateFirewallRequest'] {
  const description = input.description?.trim();
  return {
    name: input.name.trim(),
    region: REGIONS.toWire(input.region),
    ...(description ? { description } : {}),
  };
}

/** Barrack's delete answer; the firewall asked for when the answer leaves its id out. */
export function toDeleteFirewallPayload(
  w: { firewall_id?: string } | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteFirewallPayload {
  return {
    deletedFirewallId: toGlobalId('Firewall', w?.firewall_id ?? askedKey),
    requestId: requestId ?? null,
  };
}

export function toAttachFirewallRequest(instanceKeys: readonly string[]): S['AttachFirewallRequest'] {
  return { instance_ids: [...instanceKeys] };
}

/** The Barrack ids of the instances an attach answer lists. */
export function attachedInstanceIdsOf(w: S['AttachFirewallResult']): string[] {
  return (w.attached_instances ?? []).map((a) => a.instance_id);
}
