import { DIRECTIONS, ETHERTYPES, PROTOCOLS, REGIONS, VM_STATUSES } from '../common/graphql/barrack-enums';
import { compoundKey, toGlobalId } from '../common/graphql/global-id';
import { nodeIds } from '../common/graphql/node';
import type { AddFirewallRuleInput } from './dto/firewall.inputs';
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
    ...nodeIds('FirewallRule', w.id),
    direction: DIRECTIONS.fromWire(w.direction),
    protocol: PROTOCOLS.fromWire(w.protocol),
    ethertype: ETHERTYPES.fromWire(w.ethertype),
    remoteIpPrefix: w.remote_ip_prefix,
    portRangeMin: intOrNull(w.port_range_min),
    portRangeMax: intOrNull(w.port_range_max),
    status: stringOrNull(w.status),
    createdAt: dateOrNull(w.created_at),
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
    ...nodeIds('Firewall', w.firewall_id),
    name: w.name,
    description: stringOrNull(w.description),
    region: REGIONS.fromWire(w.region),
    status: toFirewallStatus(w.status),
    rules,
    ruleCount: intOrNull(w.rule_count) ?? rules.length,
    attachments,
    attachedCount: intOrNull(w.attached_count) ?? attachments.length,
    createdAt: date(w.created_at),
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
