import { registerEnumType } from '@nestjs/graphql';
import { GatewayError } from '../errors/gateway-error';

/*
 * GraphQL enums for Barrack's enumerations. GraphQL names cannot hold '-', so each enum has a wire map:
 * `toWire`/`fromWire` are the only places that translate. Unknown wire values from Barrack (a new GPU model,
 * say) map to UNKNOWN instead of failing the whole response.
 */
function wireEnum<const W extends string>(wire: readonly W[]) {
  const gql = (w: string) => w.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const values = Object.fromEntries(wire.map((w) => [gql(w), gql(w)])) as Record<string, string>;
  const toWireMap = new Map(wire.map((w) => [gql(w), w] as const));
  // Barrack's exact spelling first (no lower-casing for the usual case), any casing of it after.
  const fromWireMap = new Map(
    wire.flatMap((w) => [[w, gql(w)] as const, [w.toLowerCase(), gql(w)] as const]),
  );
  const valuesMap: Record<string, { description: string }> = Object.fromEntries(
    wire.map((w) => [gql(w), { description: `Barrack's value "${w}".` }]),
  );
  valuesMap.UNKNOWN = { description: 'A value Barrack sent that this gateway version does not know yet.' };
  return {
    valuesMap,
    values: { ...values, UNKNOWN: 'UNKNOWN' },
    toWire(v: string): W {
      const w = toWireMap.get(v);
      if (!w) throw new GatewayError('BAD_USER_INPUT', `${v} cannot be sent to Barrack`, { value: v });
      return w;
    },
    fromWire(w: string | null | undefined): string {
      return (w && (fromWireMap.get(w) ?? fromWireMap.get(w.toLowerCase()))) ?? 'UNKNOWN';
    },
    wire,
  };
}

/**
 * The input variant of an output enum: the same values without UNKNOWN. UNKNOWN exists so a response can carry a
 * value Barrack added after this gateway version; a client has no reason to send it, and Barrack could not take it.
 * Registered as `<name>Input`; returns the values object to use in `@Field(() => ...)` of input types and args.
 */
export function registerInputEnum(
  name: string,
  values: Record<string, string>,
  valuesMap: Record<string, { description: string }>,
  description: string,
): Record<string, string> {
  const input = Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'UNKNOWN'));
  const map = Object.fromEntries(Object.entries(valuesMap).filter(([k]) => k !== 'UNKNOWN'));
  registerEnumType(input, { name: `${name}Input`, description, valuesMap: map });
  return input;
}

export const GPU_MODELS = wireEnum([
  'H100-SXM5-80GB',
  'H100-PCIe-NVLink-80GB',
  'H100-PCIe-80GB',
  'A100-SXM4-80GB-NVLink',
  'A100-PCIe-80GB',
  'L40',
  'RTX-A6000',
  'A40',
] as const);
export const GpuModel = GPU_MODELS.values;
export type GpuModel = string;
registerEnumType(GpuModel, {
  name: 'GpuModel',
  description: 'GPU model (Barrack wire value with dashes turned into underscores, e.g. H100_SXM5_80GB).',
  valuesMap: GPU_MODELS.valuesMap,
});
export const GpuModelInput = registerInputEnum(
  'GpuModel',
  GPU_MODELS.values,
  GPU_MODELS.valuesMap,
  'GPU model to ask for (the values of GpuModel except UNKNOWN).',
);

export const REGIONS = wireEnum(['NORWAY-1', 'CANADA-1', 'US-1'] as const);
export const Region = REGIONS.values;
export type Region = string;
registerEnumType(Region, {
  name: 'RegionCode',
  description: 'Barrack region: NORWAY_1 (Europe), CANADA_1 (North America), US_1 (United States).',
  valuesMap: REGIONS.valuesMap,
});
export const RegionInput = registerInputEnum(
  'RegionCode',
  REGIONS.values,
  REGIONS.valuesMap,
  'Region to ask for (the values of RegionCode except UNKNOWN).',
);

export const CURRENCIES = wireEnum(['USD', 'EUR', 'INR'] as const);
export const Currency = CURRENCIES.values;
export type Currency = string;
registerEnumType(Currency, {
  name: 'Currency',
  description: 'Account currency; it follows the billing country.',
  valuesMap: CURRENCIES.valuesMap,
});
export const CurrencyInput = registerInputEnum(
  'Currency',
  CURRENCIES.values,
  CURRENCIES.valuesMap,
  'Currency to ask for (the values of Currency except UNKNOWN).',
);

export const VM_STATUSES = wireEnum([
  'CREATING',
  'BUILD',
  'ACTIVE',
  'STARTING',
  'STOPPING',
  'SHUTOFF',
  'REBOOTING',
  'HIBERNATING',
  'HIBERNATED',
  'RESTORING',
  'DELETING',
  'DELETED',
  'ERROR',
] as const);
export const VmStatus = VM_STATUSES.values;
export type VmStatus = string;
registerEnumType(VmStatus, {
  name: 'VmStatus',
  description:
    'Instance state. Stable: ACTIVE, SHUTOFF, HIBERNATED, DELETED; the others are transitional (not billed) or ERROR.',
  valuesMap: VM_STATUSES.valuesMap,
});
export const VmStatusInput = registerInputEnum(
  'VmStatus',
  VM_STATUSES.values,
  VM_STATUSES.valuesMap,
  'Instance state to filter by (the values of VmStatus except UNKNOWN).',
);

export const DIRECTIONS = wireEnum(['ingress', 'egress'] as const);
export const Direction = DIRECTIONS.values;
export type Direction = string;
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Traffic direction of a security or firewall rule.',
  valuesMap: DIRECTIONS.valuesMap,
});
export const DirectionInput = registerInputEnum(
  'Direction',
  DIRECTIONS.values,
  DIRECTIONS.valuesMap,
  'Traffic direction of a rule to create.',
);

export const ETHERTYPES = wireEnum(['IPv4', 'IPv6'] as const);
export const Ethertype = ETHERTYPES.values;
export type Ethertype = string;
registerEnumType(Ethertype, {
  name: 'Ethertype',
  description: 'IP version a rule applies to.',
  valuesMap: ETHERTYPES.valuesMap,
});
export const EthertypeInput = registerInputEnum(
  'Ethertype',
  ETHERTYPES.values,
  ETHERTYPES.valuesMap,
  'IP version of a rule to create.',
);

export const PROTOCOLS = wireEnum([
  'any',
  'ah',
  'dccp',
  'egp',
  'esp',
  'gre',
  'icmp',
  'icmpv6',
  'igmp',
  'ipip',
  'ipv6-encap',
  'ipv6-frag',
  'ipv6-icmp',
  'ipv6-nonxt',
  'ipv6-opts',
  'ipv6-route',
  'ospf',
  'pgm',
  'rsvp',
  'sctp',
  'tcp',
  'udp',
  'udplite',
  'vrrp',
] as const);
export const Protocol = PROTOCOLS.values;
export type Protocol = string;
registerEnumType(Protocol, {
  name: 'Protocol',
  description:
    'IP protocol of a rule (lower-case on the wire; ipv6-icmp becomes IPV6_ICMP). Ports apply to TCP/UDP only.',
  valuesMap: PROTOCOLS.valuesMap,
});
export const ProtocolInput = registerInputEnum(
  'Protocol',
  PROTOCOLS.values,
  PROTOCOLS.valuesMap,
  'IP protocol of a rule to create (ports apply to TCP/UDP only).',
);
