import type {
  WireDeployment,
  WireHibernatedCount,
  WireInstance,
  WireInstanceBilling,
  WireSecurityRule,
  WireSecurityRuleRequest,
  WireSnapshotEligible,
  WireTogglePublicIp,
  WireVmAction,
  WireDeploymentRequest,
} from '../barrack/api/instances.api';
import {
  CURRENCIES,
  DIRECTIONS,
  ETHERTYPES,
  GPU_MODELS,
  PROTOCOLS,
  REGIONS,
  VM_STATUSES,
} from '../common/graphql/barrack-enums';
import type { Instance } from './models/instance.model';
import type { InstanceBillingHistory } from './models/instance-billing-history.model';
import type {
  HibernatedInstancesCount,
  InstanceActionPayload,
  SnapshotEligibleInstance,
  ToggleInstancePublicIpPayload,
} from './models/instance-payloads.model';
import type { SecurityRule, SecurityRuleInput } from './models/security-rule.model';
import { nodeIds } from '../common/graphql/node';
import { toGlobalId } from '../common/graphql/global-id';
import { keyOf } from '../common/graphql/input-check';
import type { CreateInstanceInput } from './dto/instance.inputs';
import { intOrNull, moneyOrNull, strOrNull, wireDate, wireDateOrNull } from '../common/mapping/wire-values';

export function toSecurityRule(w: WireSecurityRule): SecurityRule {
  return {
    direction: DIRECTIONS.fromWire(w.direction),
    protocol: PROTOCOLS.fromWire(w.protocol),
    ethertype: ETHERTYPES.fromWire(w.ethertype),
    remoteIpPrefix: w.remote_ip_prefix,
    portRangeMin: intOrNull(w.port_range_min),
    portRangeMax: intOrNull(w.port_range_max),
    status: strOrNull(w.status),
    createdAt: wireDateOrNull(w.created_at),
    ...nodeIds('SecurityRule', String(w.id)),
  };
}

/** A full instance (get/list) or the shorter deploy answer: fields the deploy answer lacks come out null/empty. */
export function toInstance(w: WireInstance | WireDeployment): Instance {
  const full: Partial<WireInstance> = w;
  const accrued = (w as { accrued_cost?: number | null }).accrued_cost;
  return {
    name: w.name,
    status: VM_STATUSES.fromWire(w.status),
    region: REGIONS.fromWire(w.region),
    gpuModel: GPU_MODELS.fromWire(w.gpu_model),
    gpuCount: w.gpu_count,
    flavor: full.flavor
      ? {
          name: strOrNull(full.flavor.name),
          cpuCores: intOrNull(full.flavor.cpu),
          ramGb: intOrNull(full.flavor.ram),
          rootDiskGb: intOrNull(full.flavor.disk),
          ephemeralDiskGb: intOrNull(full.flavor.ephemeral),
        }
      : null,
    imageName: strOrNull(full.image?.name),
    sshKeyName: strOrNull(full.ssh_key?.name),
    privateIp: strOrNull(full.private_ip),
    publicIp: strOrNull(w.public_ip),
    publicIpStatus: strOrNull(full.public_ip_status),
    firewallEligible: Boolean(full.server_uuid),
    securityRules: (full.security_rules ?? []).map(toSecurityRule),
    labels: full.labels ?? [],
    bootSource: strOrNull(full.boot_source),
    billing: {
      hourlyRate: moneyOrNull(w.hourly_rate),
      currency: w.currency ? CURRENCIES.fromWire(w.currency) : null,
      accruedCost: moneyOrNull(accrued),
    },
    createdAt: wireDate(w.created_at, 'instance created_at'),
    attachedVolumeIds: (full.volume_attachments ?? []).map((a) => a.volume.id),
    ...nodeIds('Instance', w.instance_id),
  };
}

export function toInstanceAction(w: WireVmAction, requestId: string | undefined): InstanceActionPayload {
  return {
    instanceId: w.instance_id,
    status: VM_STATUSES.fromWire(w.status),
    previousStatus: w.previous_status ? VM_STATUSES.fromWire(w.previous_status) : null,
    requestId: requestId ?? null,
  };
}

export function toInstanceBillingHistory(w: WireInstanceBilling): InstanceBillingHistory {
  return {
    instanceId: w.instance_id,
    currency: CURRENCIES.fromWire(w.currency),
    totalCost: moneyOrNull(w.summary.total_cost) ?? '0',
    hourlyRate: moneyOrNull(w.summary.hourly_rate),
    minutesActive: intOrNull(w.summary.usage_minutes_active),
    minutesShutoff: intOrNull(w.summary.usage_minutes_shutoff),
    minutesHibernated: intOrNull(w.summary.usage_minutes_hibernated),
    hibernation: w.hibernation
      ? {
          hourlyRate: moneyOrNull(w.hibernation.hourly_rate),
          hours: intOrNull(w.hibernation.hours),
          cost: moneyOrNull(w.hibernation.cost),
        }
      : null,
    records: w.records.map((r) => ({
      timestamp: wireDate(r.timestamp, 'billing record timestamp'),
      state: r.state ? VM_STATUSES.fromWire(r.state) : null,
      minutes: intOrNull(r.minutes),
      cost: moneyOrNull(r.cost) ?? '0',
      resourceType: strOrNull(r.resource_type),
    })),
  };
}

export function toHibernatedCount(w: WireHibernatedCount): HibernatedInstancesCount {
  return {
    count: w.count,
    recent: (w.recent ?? []).map((r) => ({
      instanceId: r.instance_id,
      name: strOrNull(r.name),
      hibernatedAt: wireDateOrNull(r.hibernated_at),
    })),
  };
}

export function toSnapshotEligible(w: WireSnapshotEligible): SnapshotEligibleInstance {
  return {
    instanceId: w.instance_id,
    name: w.name,
    gpuModel: w.gpu_model ? GPU_MODELS.fromWire(w.gpu_model) : null,
    region: REGIONS.fromWire(w.region),
  };
}

/** The eligible-instances answer (Barrack may leave the list out when there are none). */
export function toSnapshotEligibleInstances(w: {
  instances?: WireSnapshotEligible[];
}): SnapshotEligibleInstance[] {
  return (w.instances ?? []).map(toSnapshotEligible);
}

/** GraphQL input → wire body of a security rule. */
export function toWireSecurityRule(input: SecurityRuleInput): WireSecurityRuleRequest {
  return {
    direction: DIRECTIONS.toWire(input.direction),
    protocol: PROTOCOLS.toWire(input.protocol),
    ethertype: ETHERTYPES.toWire(input.ethertype),
    remote_ip_prefix: input.remoteIpPrefix,
    ...(input.portRangeMin != null ? { port_range_min: input.portRangeMin } : {}),
    ...(input.portRangeMax != null ? { port_range_max: input.portRangeMax } : {}),
  };
}

/** The deploy body. The input passed createInstanceRules (dto/instance.rules.ts) before this runs. */
export function toDeploymentRequest(input: CreateInstanceInput): WireDeploymentRequest {
  return {
    name: input.name.trim(),
    gpu_model: GPU_MODELS.toWire(input.gpuModel),
    gpu_count: input.gpuCount as 1 | 2 | 4 | 8,
    region: REGIONS.toWire(input.region),
    ...(input.imageName != null ? { image_name: input.imageName } : {}),
    ...(input.volumeName != null ? { volume_name: input.volumeName } : {}),
    ...(input.customImageId != null
      ? { custom_image_id: keyOf(input.customImageId, 'Image', 'customImageId') }
      : {}),
    ssh_key_name: input.sshKeyName,
    assign_public_ip: input.assignPublicIp,
    ...(input.securityRules?.length ? { security_rules: input.securityRules.map(toWireSecurityRule) } : {}),
    ...(input.startupScriptId != null
      ? { startup_script_id: keyOf(input.startupScriptId, 'Script', 'startupScriptId') }
      : {}),
    ...(input.createBootableVolume != null ? { create_bootable_volume: input.createBootableVolume } : {}),
    ...(input.labels ? { labels: input.labels } : {}),
  };
}

export function toTogglePublicIp(
  w: WireTogglePublicIp,
  requestId: string | undefined,
): ToggleInstancePublicIpPayload {
  return {
    instanceId: w.instance_id,
    publicIp: w.public_ip ?? null,
    publicIpStatus: w.public_ip_status,
    requestId: requestId ?? null,
  };
}

/** The removed rule's global id: Barrack's echo of it, else the one asked for. */
export function removedRuleIdOf(
  w: { rule_id?: string | number | null } | null | undefined,
  asked: string,
): string {
  return toGlobalId('SecurityRule', String(w?.rule_id ?? asked));
}
