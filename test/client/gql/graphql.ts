/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** An exact decimal number serialized as a string, e.g. "2.69". Used for money (with a separate currency field) and rates. */
  Decimal: { input: string; output: string; }
};

/** A rule to add to a firewall. Checked (CIDR, ports) before Barrack is called. */
export type AddFirewallRuleInput = {
  /** Traffic direction to allow. */
  direction: DirectionInput;
  /** IP version the rule applies to. */
  ethertype?: EthertypeInput;
  /** Firewall id. */
  firewallId: Scalars['ID']['input'];
  /** Highest port (1-65535, at least portRangeMin). */
  portRangeMax?: InputMaybe<Scalars['Int']['input']>;
  /** Lowest port (1-65535); omit both ports to allow all. */
  portRangeMin?: InputMaybe<Scalars['Int']['input']>;
  /** IP protocol to allow; ports apply to TCP and UDP only. */
  protocol: ProtocolInput;
  /** Remote address range in CIDR notation matching the ethertype, e.g. 0.0.0.0/0 or ::/0. */
  remoteIpPrefix: Scalars['String']['input'];
};

/** A security rule to add to an instance (the instance must be ACTIVE). */
export type AddInstanceSecurityRuleInput = {
  /** Traffic direction to allow. */
  direction: DirectionInput;
  /** IP version the rule applies to. */
  ethertype?: EthertypeInput;
  /** Instance id. */
  instanceId: Scalars['ID']['input'];
  /** Highest port (1-65535, at least portRangeMin). */
  portRangeMax?: InputMaybe<Scalars['Int']['input']>;
  /** Lowest port (1-65535); omit both ports to allow all. */
  portRangeMin?: InputMaybe<Scalars['Int']['input']>;
  /** IP protocol to allow; ports apply to TCP and UDP only. */
  protocol: ProtocolInput;
  /** Remote address range in CIDR notation, e.g. 0.0.0.0/0 or 203.0.113.1/32. */
  remoteIpPrefix: Scalars['String']['input'];
};

/** Instances to attach a firewall to: ACTIVE instances in the firewall region (INVALID_STATE otherwise). */
export type AttachFirewallInput = {
  /** Firewall id. */
  firewallId: Scalars['ID']['input'];
  /** 1 to 50 instance ids; they are added to the current attachments. */
  instanceIds: Array<Scalars['ID']['input']>;
};

/** Volumes to attach to an ACTIVE instance of the same region. */
export type AttachVolumesInput = {
  /** Instance id. */
  instanceId: Scalars['ID']['input'];
  /** Protect the attachment against accidental detaching. */
  protected?: Scalars['Boolean']['input'];
  /** Volume ids (1-20). */
  volumeIds: Array<Scalars['ID']['input']>;
};

/** A kind of cached catalogue data. Each kind has its own TTL and scope (per tenant, or shared). */
export type CacheKind =
  /** Per tenant: Per-1k-token prices are in the account's currency (and the wire carries no currency, so the gateway adds the account's). */
  | 'AI_MODELS'
  /** Shared by all tenants: Barrack's fixed ProtocolEnum (IP protocol names such as tcp, udp, icmp): nothing in it can name an account, price or region. */
  | 'FIREWALL_PROTOCOLS'
  /** Per tenant: Each flavour carries hourly_rate and currency in the account's currency, and the regions the account sees. */
  | 'GPU_SPECS'
  /** Per tenant: Covers the regions the account sees, and deployable-VM counts may reflect the account's quotas; Barrack does not say it is account-independent. */
  | 'GPU_STOCK'
  /** Per tenant: Images per region the account sees; Barrack now lists OS images beside the account’s own images, so the answer may be account-bound. */
  | 'OS_IMAGES'
  /** Per tenant: Prices default to the account's currency (from its billing country) and may follow its tier. */
  | 'PRICING'
  /** Per tenant: Quotes are in the account's currency unless one is asked for, and may follow its tier. */
  | 'PRICING_QUOTE'
  /** Per tenant: Barrack lists the regions available to the calling account; visibility may follow its plan or billing country. */
  | 'REGIONS'
  /** Per tenant: In doubt: volume types may follow the account’s plan or regions, and Barrack does not say otherwise. */
  | 'VOLUME_TYPES';

/** One message of the conversation sent to the model. */
export type ChatMessageInput = {
  /** Text of the message (not empty). */
  content: Scalars['String']['input'];
  /** Who wrote it. */
  role: ChatRole;
};

/** Who wrote a chat message. */
export type ChatRole =
  /** The model (earlier answers, to continue a conversation). */
  | 'ASSISTANT'
  /** Instructions for the model. */
  | 'SYSTEM'
  /** The user. */
  | 'USER';

/** Which cached data to drop. */
export type ClearCacheInput = {
  /** The kind of cached data to clear. */
  kind: CacheKind;
  /** The tenant to clear; defaults to the caller's tenant, and may only be the caller's tenant. */
  tenantId?: InputMaybe<Scalars['String']['input']>;
};

/** A copy of a volume, in the same region. */
export type CloneVolumeInput = {
  /** Description of the copy. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Volume to copy. */
  id: Scalars['ID']['input'];
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Name of the copy, 1-50 characters, unique. */
  name: Scalars['String']['input'];
};

/** A chat completion request. Billed to the account credits (INSUFFICIENT_CREDITS otherwise). */
export type CreateChatCompletionInput = {
  /** Makes a retry safe: a repeat with the same key and input returns the first result instead of being billed again (same as the Idempotency-Key header). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Most tokens to generate, at least 1. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 100 messages, oldest first. */
  messages: Array<ChatMessageInput>;
  /** Model id from aiModels. */
  model: Scalars['String']['input'];
  /** Sampling temperature, 0 to 2. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
};

/** A new firewall. */
export type CreateFirewallInput = {
  /** Free-text description, up to 255 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-50 characters: letters, digits, spaces, '-', '_', '.'; unique in the account. */
  name: Scalars['String']['input'];
  /** Region; only instances of this region can be attached. */
  region: RegionCodeInput;
};

/** An image to make from a snapshot. */
export type CreateImageFromSnapshotInput = {
  /** Same as the Idempotency-Key header: a repeat with this key returns the first result. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Labels. */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Image name, 1-50 characters. */
  name: Scalars['String']['input'];
  /** The snapshot to make the image from. */
  snapshotId: Scalars['ID']['input'];
};

/** A new instance. Exactly one boot source: imageName, volumeName or customImageId. */
export type CreateInstanceInput = {
  /** Attach a public IP address. */
  assignPublicIp?: Scalars['Boolean']['input'];
  /** Create a bootable volume from the OS image. */
  createBootableVolume?: InputMaybe<Scalars['Boolean']['input']>;
  /** Boot source: a custom image id. */
  customImageId?: InputMaybe<Scalars['ID']['input']>;
  /** Number of GPUs: 1, 2, 4 or 8. */
  gpuCount: Scalars['Int']['input'];
  /** GPU model. */
  gpuModel: GpuModelInput;
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Boot source: an OS image name (see osImages). */
  imageName?: InputMaybe<Scalars['String']['input']>;
  /** Free-form labels. */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name, 1-50 characters (letters, digits, spaces, - _ .), unique in the account. */
  name: Scalars['String']['input'];
  /** Region to deploy in. */
  region: RegionCodeInput;
  /** Security rules to apply from the start. */
  securityRules?: InputMaybe<Array<SecurityRuleInput>>;
  /** Name of the SSH key to install. */
  sshKeyName: Scalars['String']['input'];
  /** Startup script to run on first boot. */
  startupScriptId?: InputMaybe<Scalars['ID']['input']>;
  /** Boot source: an existing bootable volume, by name. */
  volumeName?: InputMaybe<Scalars['String']['input']>;
};

/** A new startup script. */
export type CreateScriptInput = {
  /** Script body, 1 character to 64 KiB. */
  content: Scalars['String']['input'];
  /** Free-text description, up to 255 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-50 characters: letters, digits, spaces, '-', '_', '.'; unique in the account. */
  name: Scalars['String']['input'];
};

/** A snapshot to take of an ACTIVE instance. */
export type CreateSnapshotInput = {
  /** Free-text description (at most 500 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Instance to snapshot. */
  instanceId: Scalars['ID']['input'];
  /** Take the snapshot to make an image from it. */
  isImage?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name, 1-50 characters, unique in the account. */
  name: Scalars['String']['input'];
};

/** A new SSH key. With `publicKey` the key is imported; without it Barrack generates an RSA-2048 pair and the payload carries the private key once. */
export type CreateSshKeyInput = {
  /** Up to 50 characters: letters, digits, _, -, . (no spaces); unique in the account. */
  name: Scalars['String']['input'];
  /** OpenSSH public key to import, e.g. "ssh-ed25519 AAAA... me@laptop". Omit to generate a pair. */
  publicKey?: InputMaybe<Scalars['String']['input']>;
};

/** A new volume. */
export type CreateVolumeInput = {
  /** Free-text description (at most 500 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** OS image id: makes the volume bootable. */
  imageId?: InputMaybe<Scalars['String']['input']>;
  /** Name, 1-50 characters, unique in the account. */
  name: Scalars['String']['input'];
  /** Region; it attaches only to instances of this region. */
  region: RegionCodeInput;
  /** Size in GB: 10-1000, or 100-1000 for a bootable volume (with imageId). */
  sizeGb: Scalars['Int']['input'];
  /** Storage type. */
  volumeType?: VolumeTypeCodeInput;
};

/** Account currency; it follows the billing country. */
export type Currency =
  /** Barrack's value "EUR". */
  | 'EUR'
  /** Barrack's value "INR". */
  | 'INR'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  /** Barrack's value "USD". */
  | 'USD';

/** Currency to ask for (the values of Currency except UNKNOWN). */
export type CurrencyInput =
  /** Barrack's value "EUR". */
  | 'EUR'
  /** Barrack's value "INR". */
  | 'INR'
  /** Barrack's value "USD". */
  | 'USD';

/** The firewall to delete. It must not be attached to any instance. */
export type DeleteFirewallInput = {
  /** Firewall id. */
  id: Scalars['ID']['input'];
};

/** Identifies a custom image to delete. */
export type DeleteImageInput = {
  /** Image id. */
  id: Scalars['ID']['input'];
};

/** The startup script to delete. */
export type DeleteScriptInput = {
  /** Script id. */
  id: Scalars['ID']['input'];
};

/** Startup scripts to delete in one call. */
export type DeleteScriptsInput = {
  /** 1 to 100 script ids. */
  ids: Array<Scalars['ID']['input']>;
};

/** Identifies a snapshot to delete. */
export type DeleteSnapshotInput = {
  /** Snapshot id. */
  id: Scalars['ID']['input'];
};

/** The SSH key to delete. A key used by running instances cannot be deleted (CONFLICT). */
export type DeleteSshKeyInput = {
  /** Key id. */
  id: Scalars['ID']['input'];
};

/** Identifies a volume to delete (it must not be attached). */
export type DeleteVolumeInput = {
  /** Volume id. */
  id: Scalars['ID']['input'];
};

/** Volumes to detach from an instance. */
export type DetachVolumesInput = {
  /** Instance id. */
  instanceId: Scalars['ID']['input'];
  /** Volume ids (1-20). */
  volumeIds: Array<Scalars['ID']['input']>;
};

/** Traffic direction of a security or firewall rule. */
export type Direction =
  /** Barrack's value "egress". */
  | 'EGRESS'
  /** Barrack's value "ingress". */
  | 'INGRESS'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** Traffic direction of a rule to create. */
export type DirectionInput =
  /** Barrack's value "egress". */
  | 'EGRESS'
  /** Barrack's value "ingress". */
  | 'INGRESS';

/** IP version a rule applies to. */
export type Ethertype =
  /** Barrack's value "IPv4". */
  | 'IPV4'
  /** Barrack's value "IPv6". */
  | 'IPV6'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** IP version of a rule to create. */
export type EthertypeInput =
  /** Barrack's value "IPv4". */
  | 'IPV4'
  /** Barrack's value "IPv6". */
  | 'IPV6';

/** Provisioning state of a firewall. */
export type FirewallStatus =
  /** Being created. */
  | 'CREATING'
  /** Creation failed. */
  | 'ERROR'
  /** Ready: rules apply to attached instances. */
  | 'SUCCESS'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** GPU model (Barrack wire value with dashes turned into underscores, e.g. H100_SXM5_80GB). */
export type GpuModel =
  /** Barrack's value "A40". */
  | 'A40'
  /** Barrack's value "A100-PCIe-80GB". */
  | 'A100_PCIE_80GB'
  /** Barrack's value "A100-SXM4-80GB-NVLink". */
  | 'A100_SXM4_80GB_NVLINK'
  /** Barrack's value "H100-PCIe-80GB". */
  | 'H100_PCIE_80GB'
  /** Barrack's value "H100-PCIe-NVLink-80GB". */
  | 'H100_PCIE_NVLINK_80GB'
  /** Barrack's value "H100-SXM5-80GB". */
  | 'H100_SXM5_80GB'
  /** Barrack's value "L40". */
  | 'L40'
  /** Barrack's value "RTX-A6000". */
  | 'RTX_A6000'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** GPU model to ask for (the values of GpuModel except UNKNOWN). */
export type GpuModelInput =
  /** Barrack's value "A40". */
  | 'A40'
  /** Barrack's value "A100-PCIe-80GB". */
  | 'A100_PCIE_80GB'
  /** Barrack's value "A100-SXM4-80GB-NVLink". */
  | 'A100_SXM4_80GB_NVLINK'
  /** Barrack's value "H100-PCIe-80GB". */
  | 'H100_PCIE_80GB'
  /** Barrack's value "H100-PCIe-NVLink-80GB". */
  | 'H100_PCIE_NVLINK_80GB'
  /** Barrack's value "H100-SXM5-80GB". */
  | 'H100_SXM5_80GB'
  /** Barrack's value "L40". */
  | 'L40'
  /** Barrack's value "RTX-A6000". */
  | 'RTX_A6000';

/** Identifies the instance of a lifecycle action. */
export type InstanceActionInput = {
  /** Instance id. */
  id: Scalars['ID']['input'];
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Order of an instance list. Ties are broken by id, ascending, so pages are stable. */
export type InstanceOrder = {
  /** Direction. */
  direction?: OrderDirection;
  /** Field to order by. */
  field: InstanceOrderField;
};

/** What to order instances by. */
export type InstanceOrderField =
  /** Creation time (then id). */
  | 'CREATED_AT'
  /** Instance name (then id). */
  | 'NAME';

/** Sort direction. */
export type OrderDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** What to quote: a flavour (GPU model x count), where, and for how long. */
export type PriceQuoteInput = {
  /** Currency of the quote; default the account's. */
  currency?: InputMaybe<CurrencyInput>;
  /** GPUs per VM: 1, 2, 4 or 8. */
  gpuCount: Scalars['Int']['input'];
  /** GPU model. */
  gpuModel: GpuModelInput;
  /** Hours to quote, more than 0; default 1. */
  hours?: InputMaybe<Scalars['Float']['input']>;
  /** Region to quote in. */
  region?: InputMaybe<RegionCodeInput>;
};

/** How the caller authenticated. */
export type PrincipalKind =
  /** A partner API key (bgw_...). */
  | 'API_KEY'
  /** A JWT issued to a frontend app by one of the tenant’s issuers. */
  | 'JWT';

/** IP protocol of a rule (lower-case on the wire; ipv6-icmp becomes IPV6_ICMP). Ports apply to TCP/UDP only. */
export type Protocol =
  /** Barrack's value "ah". */
  | 'AH'
  /** Barrack's value "any". */
  | 'ANY'
  /** Barrack's value "dccp". */
  | 'DCCP'
  /** Barrack's value "egp". */
  | 'EGP'
  /** Barrack's value "esp". */
  | 'ESP'
  /** Barrack's value "gre". */
  | 'GRE'
  /** Barrack's value "icmp". */
  | 'ICMP'
  /** Barrack's value "icmpv6". */
  | 'ICMPV6'
  /** Barrack's value "igmp". */
  | 'IGMP'
  /** Barrack's value "ipip". */
  | 'IPIP'
  /** Barrack's value "ipv6-encap". */
  | 'IPV6_ENCAP'
  /** Barrack's value "ipv6-frag". */
  | 'IPV6_FRAG'
  /** Barrack's value "ipv6-icmp". */
  | 'IPV6_ICMP'
  /** Barrack's value "ipv6-nonxt". */
  | 'IPV6_NONXT'
  /** Barrack's value "ipv6-opts". */
  | 'IPV6_OPTS'
  /** Barrack's value "ipv6-route". */
  | 'IPV6_ROUTE'
  /** Barrack's value "ospf". */
  | 'OSPF'
  /** Barrack's value "pgm". */
  | 'PGM'
  /** Barrack's value "rsvp". */
  | 'RSVP'
  /** Barrack's value "sctp". */
  | 'SCTP'
  /** Barrack's value "tcp". */
  | 'TCP'
  /** Barrack's value "udp". */
  | 'UDP'
  /** Barrack's value "udplite". */
  | 'UDPLITE'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  /** Barrack's value "vrrp". */
  | 'VRRP';

/** IP protocol of a rule to create (ports apply to TCP/UDP only). */
export type ProtocolInput =
  /** Barrack's value "ah". */
  | 'AH'
  /** Barrack's value "any". */
  | 'ANY'
  /** Barrack's value "dccp". */
  | 'DCCP'
  /** Barrack's value "egp". */
  | 'EGP'
  /** Barrack's value "esp". */
  | 'ESP'
  /** Barrack's value "gre". */
  | 'GRE'
  /** Barrack's value "icmp". */
  | 'ICMP'
  /** Barrack's value "icmpv6". */
  | 'ICMPV6'
  /** Barrack's value "igmp". */
  | 'IGMP'
  /** Barrack's value "ipip". */
  | 'IPIP'
  /** Barrack's value "ipv6-encap". */
  | 'IPV6_ENCAP'
  /** Barrack's value "ipv6-frag". */
  | 'IPV6_FRAG'
  /** Barrack's value "ipv6-icmp". */
  | 'IPV6_ICMP'
  /** Barrack's value "ipv6-nonxt". */
  | 'IPV6_NONXT'
  /** Barrack's value "ipv6-opts". */
  | 'IPV6_OPTS'
  /** Barrack's value "ipv6-route". */
  | 'IPV6_ROUTE'
  /** Barrack's value "ospf". */
  | 'OSPF'
  /** Barrack's value "pgm". */
  | 'PGM'
  /** Barrack's value "rsvp". */
  | 'RSVP'
  /** Barrack's value "sctp". */
  | 'SCTP'
  /** Barrack's value "tcp". */
  | 'TCP'
  /** Barrack's value "udp". */
  | 'UDP'
  /** Barrack's value "udplite". */
  | 'UDPLITE'
  /** Barrack's value "vrrp". */
  | 'VRRP';

/** Barrack region: NORWAY_1 (Europe), CANADA_1 (North America), US_1 (United States). */
export type RegionCode =
  /** Barrack's value "CANADA-1". */
  | 'CANADA_1'
  /** Barrack's value "NORWAY-1". */
  | 'NORWAY_1'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  /** Barrack's value "US-1". */
  | 'US_1';

/** Region to ask for (the values of RegionCode except UNKNOWN). */
export type RegionCodeInput =
  /** Barrack's value "CANADA-1". */
  | 'CANADA_1'
  /** Barrack's value "NORWAY-1". */
  | 'NORWAY_1'
  /** Barrack's value "US-1". */
  | 'US_1';

/** The firewall rule to remove. */
export type RemoveFirewallRuleInput = {
  /** Firewall id. */
  firewallId: Scalars['ID']['input'];
  /** Rule id. */
  ruleId: Scalars['ID']['input'];
};

/** A security rule to remove from an instance. */
export type RemoveInstanceSecurityRuleInput = {
  /** Instance id. */
  instanceId: Scalars['ID']['input'];
  /** Rule id. */
  ruleId: Scalars['ID']['input'];
};

/** A new, larger size for a volume. */
export type ResizeVolumeInput = {
  /** Volume id. */
  id: Scalars['ID']['input'];
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New size in GB (grow only, at most 1000). */
  sizeGb: Scalars['Int']['input'];
};

/** Which snapshot to restore, and the new VM it becomes. */
export type RestoreSnapshotInput = {
  /** Snapshot to restore (its id, or Barrack id). */
  id: Scalars['ID']['input'];
  /** Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Name of the new VM: 1-50 characters (letters, digits, spaces, - _ .), unique. */
  newVmName: Scalars['String']['input'];
};

/** A permission a credential carries. Every root field requires one or more. */
export type Scope =
  /** Gateway administration: cache and API keys of the own tenant. */
  | 'ADMIN'
  /** AI chat and inference endpoints. */
  | 'AI'
  /** Balance, billing history and pricing quotes. */
  | 'BILLING'
  /** Read resources (instances, volumes, catalog, ...). */
  | 'READ'
  /** Create, change and delete resources. */
  | 'WRITE';

/** A security rule to add to an instance (or to deploy an instance with). */
export type SecurityRuleInput = {
  /** Traffic direction to allow. */
  direction: DirectionInput;
  /** IP version the rule applies to. */
  ethertype?: EthertypeInput;
  /** Highest port (1-65535, at least portRangeMin). */
  portRangeMax?: InputMaybe<Scalars['Int']['input']>;
  /** Lowest port (1-65535); omit both ports to allow all. */
  portRangeMin?: InputMaybe<Scalars['Int']['input']>;
  /** IP protocol to allow; ports apply to TCP and UDP only. */
  protocol: ProtocolInput;
  /** Remote address range in CIDR notation, e.g. 0.0.0.0/0 or 203.0.113.1/32. */
  remoteIpPrefix: Scalars['String']['input'];
};

/** Snapshot state. SUCCESS and AVAILABLE both mean ready to restore. */
export type SnapshotStatus =
  /** Ready (older wording). */
  | 'AVAILABLE'
  /** Being taken. */
  | 'CREATING'
  /** Failed. */
  | 'ERROR'
  /** Ready. */
  | 'SUCCESS'
  /** A state this gateway version does not know yet. */
  | 'UNKNOWN';

/** Snapshot state to filter by (the values of SnapshotStatus except UNKNOWN). */
export type SnapshotStatusInput =
  /** Ready (older wording). */
  | 'AVAILABLE'
  /** Being taken. */
  | 'CREATING'
  /** Failed. */
  | 'ERROR'
  /** Ready. */
  | 'SUCCESS';

/** How a key came to the account. */
export type SshKeySource =
  /** Generated by Barrack (its private key was returned once, at creation). */
  | 'CREATED'
  /** Imported from a public key the user supplied. */
  | 'IMPORTED'
  /** Barrack did not say. */
  | 'UNKNOWN';

/** Algorithm of an SSH key. */
export type SshKeyType =
  /** ECDSA. */
  | 'ECDSA'
  /** Ed25519. */
  | 'ED25519'
  /** RSA (generated keys are RSA-2048). */
  | 'RSA'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** Changes to a startup script: only the fields given change; give at least one. */
export type UpdateScriptInput = {
  /** New body. */
  content?: InputMaybe<Scalars['String']['input']>;
  /** New description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Script id. */
  id: Scalars['ID']['input'];
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Why a mutation was refused. The same codes as `extensions.code` of top-level errors. */
export type UserErrorCode =
  /** An input value is invalid (`field` names it). Nothing was sent to Barrack. */
  | 'BAD_USER_INPUT'
  /** The change conflicts with the current state (e.g. the resource is in use). */
  | 'CONFLICT'
  /** The account balance is too low (see balance and required). */
  | 'INSUFFICIENT_CREDITS'
  /** The object is not in a state that allows this (see currentState and allowedFrom). */
  | 'INVALID_STATE'
  /** An account limit would be exceeded (see limit). */
  | 'LIMIT_EXCEEDED'
  /** The name is already used in the account (see name). */
  | 'NAME_TAKEN'
  /** An object the input names does not exist (or is not visible to you). */
  | 'NOT_FOUND'
  /** The requested GPUs are not available there now (see alternatives for regions that have them). */
  | 'OUT_OF_STOCK';

/** Instance state. Stable: ACTIVE, SHUTOFF, HIBERNATED, DELETED; the others are transitional (not billed) or ERROR. */
export type VmStatus =
  /** Barrack's value "ACTIVE". */
  | 'ACTIVE'
  /** Barrack's value "BUILD". */
  | 'BUILD'
  /** Barrack's value "CREATING". */
  | 'CREATING'
  /** Barrack's value "DELETED". */
  | 'DELETED'
  /** Barrack's value "DELETING". */
  | 'DELETING'
  /** Barrack's value "ERROR". */
  | 'ERROR'
  /** Barrack's value "HIBERNATED". */
  | 'HIBERNATED'
  /** Barrack's value "HIBERNATING". */
  | 'HIBERNATING'
  /** Barrack's value "REBOOTING". */
  | 'REBOOTING'
  /** Barrack's value "RESTORING". */
  | 'RESTORING'
  /** Barrack's value "SHUTOFF". */
  | 'SHUTOFF'
  /** Barrack's value "STARTING". */
  | 'STARTING'
  /** Barrack's value "STOPPING". */
  | 'STOPPING'
  /** A value Barrack sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** Instance state to filter by (the values of VmStatus except UNKNOWN). */
export type VmStatusInput =
  /** Barrack's value "ACTIVE". */
  | 'ACTIVE'
  /** Barrack's value "BUILD". */
  | 'BUILD'
  /** Barrack's value "CREATING". */
  | 'CREATING'
  /** Barrack's value "DELETED". */
  | 'DELETED'
  /** Barrack's value "DELETING". */
  | 'DELETING'
  /** Barrack's value "ERROR". */
  | 'ERROR'
  /** Barrack's value "HIBERNATED". */
  | 'HIBERNATED'
  /** Barrack's value "HIBERNATING". */
  | 'HIBERNATING'
  /** Barrack's value "REBOOTING". */
  | 'REBOOTING'
  /** Barrack's value "RESTORING". */
  | 'RESTORING'
  /** Barrack's value "SHUTOFF". */
  | 'SHUTOFF'
  /** Barrack's value "STARTING". */
  | 'STARTING'
  /** Barrack's value "STOPPING". */
  | 'STOPPING';

/** Volume state. */
export type VolumeStatus =
  /** Being attached. */
  | 'ATTACHING'
  /** Ready and not attached. */
  | 'AVAILABLE'
  /** Being created. */
  | 'CREATING'
  /** Being deleted. */
  | 'DELETING'
  /** Being detached. */
  | 'DETACHING'
  /** Failed. */
  | 'ERROR'
  /** Attached to an instance. */
  | 'IN_USE'
  /** A state this gateway version does not know yet. */
  | 'UNKNOWN';

/** Volume state to filter by (the values of VolumeStatus except UNKNOWN). */
export type VolumeStatusInput =
  /** Being attached. */
  | 'ATTACHING'
  /** Ready and not attached. */
  | 'AVAILABLE'
  /** Being created. */
  | 'CREATING'
  /** Being deleted. */
  | 'DELETING'
  /** Being detached. */
  | 'DETACHING'
  /** Failed. */
  | 'ERROR'
  /** Attached to an instance. */
  | 'IN_USE';

/** Block storage type code (Barrack wire value with - turned into _). */
export type VolumeTypeCode =
  /** Ceph-SSD. */
  | 'CEPH_SSD'
  /** Cloud-SSD (the default). */
  | 'CLOUD_SSD'
  /** A type this gateway version does not know yet. */
  | 'UNKNOWN';

/** Block storage type to create (the values of VolumeTypeCode except UNKNOWN). */
export type VolumeTypeCodeInput =
  /** Ceph-SSD. */
  | 'CEPH_SSD'
  /** Cloud-SSD (the default). */
  | 'CLOUD_SSD';

export type UserErrorFieldsFragment = { __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null };

export type SecurityRuleFieldsFragment = { __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null };

export type VolumeFieldsFragment = { __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null };

export type InstanceFieldsFragment = { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> };

export type FirewallRuleFieldsFragment = { __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null };

export type FirewallFieldsFragment = { __typename?: 'Firewall', id: string, barrackId: string, name: string, description?: string | null, region: RegionCode, status: FirewallStatus, ruleCount: number, attachedCount: number, createdAt: string, rules: { __typename?: 'FirewallRuleConnection', totalCount: number, nodes: Array<{ __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }> }, attachments: Array<{ __typename?: 'FirewallAttachment', id: string, instanceId: string, name?: string | null, status?: VmStatus | null }>, instances: Array<{ __typename?: 'Instance', id: string, name: string, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> }> };

export type SnapshotFieldsFragment = { __typename?: 'Snapshot', id: string, barrackId: string, name: string, description?: string | null, status: SnapshotStatus, region: RegionCode, sizeGb?: number | null, isImage: boolean, instanceName?: string | null, createdAt: string, vmConfig?: { __typename?: 'SnapshotVmConfig', gpuModel?: GpuModel | null, gpuCount?: number | null, cpuCores?: number | null, ramGb?: number | null, diskGb?: number | null } | null, instance?: { __typename?: 'Instance', id: string, snapshots: { __typename?: 'SnapshotConnection', totalCount: number, nodes: Array<{ __typename?: 'Snapshot', id: string, name: string, status: SnapshotStatus }> } } | null };

export type CatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogueQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tenantId: string, principalKind: PrincipalKind }, regions: Array<{ __typename?: 'Region', code: RegionCode, name: string, country?: string | null }>, gpuSpecs: Array<{ __typename?: 'GpuSpec', gpuModel: GpuModel, gpuCount: number, vcpus: number, ramGb: number, hourlyRate?: string | null, currency?: Currency | null, regions: Array<RegionCode> }>, gpuStock: Array<{ __typename?: 'GpuStock', gpuModel: GpuModel, regionCode: RegionCode, availableAtLeast: number }>, osImages: Array<{ __typename?: 'OsImage', id: string, barrackId?: string | null, name: string, region?: RegionCode | null, family?: string | null, version?: string | null }>, volumeTypes: Array<{ __typename?: 'VolumeType', name: string }>, sshKeys: { __typename?: 'SshKeyConnection', totalCount: number, nodes: Array<{ __typename?: 'SshKey', id: string, name: string }> }, balance: { __typename?: 'Balance', amount: string, currency: Currency, canCreateInstance?: boolean | null } };

export type VolumeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VolumeByIdQuery = { __typename?: 'Query', volume?: { __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null } | null };

export type FirewallByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FirewallByIdQuery = { __typename?: 'Query', firewall?: { __typename?: 'Firewall', id: string, barrackId: string, name: string, description?: string | null, region: RegionCode, status: FirewallStatus, ruleCount: number, attachedCount: number, createdAt: string, rules: { __typename?: 'FirewallRuleConnection', totalCount: number, nodes: Array<{ __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }> }, attachments: Array<{ __typename?: 'FirewallAttachment', id: string, instanceId: string, name?: string | null, status?: VmStatus | null }>, instances: Array<{ __typename?: 'Instance', id: string, name: string, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> }> } | null };

export type SnapshotByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SnapshotByIdQuery = { __typename?: 'Query', snapshot?: { __typename?: 'Snapshot', id: string, barrackId: string, name: string, description?: string | null, status: SnapshotStatus, region: RegionCode, sizeGb?: number | null, isImage: boolean, instanceName?: string | null, createdAt: string, vmConfig?: { __typename?: 'SnapshotVmConfig', gpuModel?: GpuModel | null, gpuCount?: number | null, cpuCores?: number | null, ramGb?: number | null, diskGb?: number | null } | null, instance?: { __typename?: 'Instance', id: string, snapshots: { __typename?: 'SnapshotConnection', totalCount: number, nodes: Array<{ __typename?: 'Snapshot', id: string, name: string, status: SnapshotStatus }> } } | null } | null };

export type SecurityRuleNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SecurityRuleNodeQuery = { __typename?: 'Query', node?: { __typename?: 'AiModel', id: string } | { __typename?: 'AiTransaction', id: string } | { __typename?: 'ApiKeyInfo', id: string } | { __typename?: 'AuditRecord', id: string } | { __typename?: 'Firewall', id: string } | { __typename?: 'FirewallAttachment', id: string } | { __typename?: 'FirewallRule', id: string } | { __typename?: 'Image', id: string } | { __typename?: 'Instance', id: string } | { __typename?: 'InstanceFirewall', id: string } | { __typename?: 'OsImage', id: string } | { __typename?: 'Script', id: string } | { __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null } | { __typename?: 'Snapshot', id: string } | { __typename?: 'SshKey', id: string } | { __typename?: 'Volume', id: string } | null };

export type FirewallRuleNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FirewallRuleNodeQuery = { __typename?: 'Query', node?: { __typename?: 'AiModel', id: string } | { __typename?: 'AiTransaction', id: string } | { __typename?: 'ApiKeyInfo', id: string } | { __typename?: 'AuditRecord', id: string } | { __typename?: 'Firewall', id: string } | { __typename?: 'FirewallAttachment', id: string } | { __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null } | { __typename?: 'Image', id: string } | { __typename?: 'Instance', id: string } | { __typename?: 'InstanceFirewall', id: string } | { __typename?: 'OsImage', id: string } | { __typename?: 'Script', id: string } | { __typename?: 'SecurityRule', id: string } | { __typename?: 'Snapshot', id: string } | { __typename?: 'SshKey', id: string } | { __typename?: 'Volume', id: string } | null };

export type InstanceByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstanceByIdQuery = { __typename?: 'Query', instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null };

export type MissingBesideSiblingsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MissingBesideSiblingsQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tenantId: string }, instance?: { __typename?: 'Instance', id: string, name: string } | null, instances: { __typename?: 'InstanceConnection', totalCount: number, nodes: Array<{ __typename?: 'Instance', id: string, name: string }> } };

export type CreateInstanceMutationVariables = Exact<{
  input: CreateInstanceInput;
}>;


export type CreateInstanceMutation = { __typename?: 'Mutation', createInstance: { __typename?: 'CreateInstancePayload', requestId?: string | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type InstanceUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstanceUpdatedSubscription = { __typename?: 'Subscription', instanceUpdated: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } };

export type AddInstanceSecurityRuleMutationVariables = Exact<{
  input: AddInstanceSecurityRuleInput;
}>;


export type AddInstanceSecurityRuleMutation = { __typename?: 'Mutation', addInstanceSecurityRule: { __typename?: 'AddInstanceSecurityRulePayload', requestId?: string | null, securityRule?: { __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null } | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type CreateVolumeMutationVariables = Exact<{
  input: CreateVolumeInput;
}>;


export type CreateVolumeMutation = { __typename?: 'Mutation', createVolume: { __typename?: 'VolumePayload', requestId?: string | null, volume?: { __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type AttachVolumesMutationVariables = Exact<{
  input: AttachVolumesInput;
}>;


export type AttachVolumesMutation = { __typename?: 'Mutation', attachVolumes: { __typename?: 'VolumeAttachmentsPayload', requestId?: string | null, attachments?: Array<{ __typename?: 'VolumeAttachment', volumeId: string, instanceId: string, status: string, device?: string | null }> | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type DetachVolumesMutationVariables = Exact<{
  input: DetachVolumesInput;
}>;


export type DetachVolumesMutation = { __typename?: 'Mutation', detachVolumes: { __typename?: 'VolumeAttachmentsPayload', requestId?: string | null, attachments?: Array<{ __typename?: 'VolumeAttachment', volumeId: string, status: string }> | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type CreateFirewallMutationVariables = Exact<{
  input: CreateFirewallInput;
}>;


export type CreateFirewallMutation = { __typename?: 'Mutation', createFirewall: { __typename?: 'CreateFirewallPayload', requestId?: string | null, firewall?: { __typename?: 'Firewall', id: string, barrackId: string, name: string, description?: string | null, region: RegionCode, status: FirewallStatus, ruleCount: number, attachedCount: number, createdAt: string, rules: { __typename?: 'FirewallRuleConnection', totalCount: number, nodes: Array<{ __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }> }, attachments: Array<{ __typename?: 'FirewallAttachment', id: string, instanceId: string, name?: string | null, status?: VmStatus | null }>, instances: Array<{ __typename?: 'Instance', id: string, name: string, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type AddFirewallRuleMutationVariables = Exact<{
  input: AddFirewallRuleInput;
}>;


export type AddFirewallRuleMutation = { __typename?: 'Mutation', addFirewallRule: { __typename?: 'AddFirewallRulePayload', requestId?: string | null, rule?: { __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null } | null, firewall?: { __typename?: 'Firewall', id: string, barrackId: string, name: string, description?: string | null, region: RegionCode, status: FirewallStatus, ruleCount: number, attachedCount: number, createdAt: string, rules: { __typename?: 'FirewallRuleConnection', totalCount: number, nodes: Array<{ __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }> }, attachments: Array<{ __typename?: 'FirewallAttachment', id: string, instanceId: string, name?: string | null, status?: VmStatus | null }>, instances: Array<{ __typename?: 'Instance', id: string, name: string, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type AttachFirewallMutationVariables = Exact<{
  input: AttachFirewallInput;
}>;


export type AttachFirewallMutation = { __typename?: 'Mutation', attachFirewall: { __typename?: 'AttachFirewallPayload', requestId?: string | null, firewall?: { __typename?: 'Firewall', id: string, barrackId: string, name: string, description?: string | null, region: RegionCode, status: FirewallStatus, ruleCount: number, attachedCount: number, createdAt: string, rules: { __typename?: 'FirewallRuleConnection', totalCount: number, nodes: Array<{ __typename?: 'FirewallRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }> }, attachments: Array<{ __typename?: 'FirewallAttachment', id: string, instanceId: string, name?: string | null, status?: VmStatus | null }>, instances: Array<{ __typename?: 'Instance', id: string, name: string, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type CreateSnapshotMutationVariables = Exact<{
  input: CreateSnapshotInput;
}>;


export type CreateSnapshotMutation = { __typename?: 'Mutation', createSnapshot: { __typename?: 'CreateSnapshotPayload', requestId?: string | null, snapshot?: { __typename?: 'Snapshot', id: string, barrackId: string, name: string, description?: string | null, status: SnapshotStatus, region: RegionCode, sizeGb?: number | null, isImage: boolean, instanceName?: string | null, createdAt: string, vmConfig?: { __typename?: 'SnapshotVmConfig', gpuModel?: GpuModel | null, gpuCount?: number | null, cpuCores?: number | null, ramGb?: number | null, diskGb?: number | null } | null, instance?: { __typename?: 'Instance', id: string, snapshots: { __typename?: 'SnapshotConnection', totalCount: number, nodes: Array<{ __typename?: 'Snapshot', id: string, name: string, status: SnapshotStatus }> } } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type RestoreSnapshotMutationVariables = Exact<{
  input: RestoreSnapshotInput;
}>;


export type RestoreSnapshotMutation = { __typename?: 'Mutation', restoreSnapshot: { __typename?: 'RestoreSnapshotPayload', requestId?: string | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, sourceSnapshot?: { __typename?: 'Snapshot', id: string, barrackId: string, name: string, description?: string | null, status: SnapshotStatus, region: RegionCode, sizeGb?: number | null, isImage: boolean, instanceName?: string | null, createdAt: string, vmConfig?: { __typename?: 'SnapshotVmConfig', gpuModel?: GpuModel | null, gpuCount?: number | null, cpuCores?: number | null, ramGb?: number | null, diskGb?: number | null } | null, instance?: { __typename?: 'Instance', id: string, snapshots: { __typename?: 'SnapshotConnection', totalCount: number, nodes: Array<{ __typename?: 'Snapshot', id: string, name: string, status: SnapshotStatus }> } } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type HibernateInstanceMutationVariables = Exact<{
  input: InstanceActionInput;
}>;


export type HibernateInstanceMutation = { __typename?: 'Mutation', hibernateInstance: { __typename?: 'InstanceActionPayload', requestId?: string | null, status?: VmStatus | null, previousStatus?: VmStatus | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type RestoreInstanceMutationVariables = Exact<{
  input: InstanceActionInput;
}>;


export type RestoreInstanceMutation = { __typename?: 'Mutation', restoreInstance: { __typename?: 'InstanceActionPayload', requestId?: string | null, status?: VmStatus | null, previousStatus?: VmStatus | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type StopInstanceMutationVariables = Exact<{
  input: InstanceActionInput;
}>;


export type StopInstanceMutation = { __typename?: 'Mutation', stopInstance: { __typename?: 'InstanceActionPayload', requestId?: string | null, status?: VmStatus | null, previousStatus?: VmStatus | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type DeleteInstanceMutationVariables = Exact<{
  input: InstanceActionInput;
}>;


export type DeleteInstanceMutation = { __typename?: 'Mutation', deleteInstance: { __typename?: 'InstanceActionPayload', requestId?: string | null, status?: VmStatus | null, instance?: { __typename?: 'Instance', id: string, barrackId: string, name: string, status: VmStatus, region: RegionCode, gpuModel: GpuModel, gpuCount: number, imageName?: string | null, sshKeyName?: string | null, bootSource?: string | null, labels: Array<string>, publicIp?: string | null, privateIp?: string | null, publicIpStatus?: string | null, firewallEligible: boolean, createdAt: string, flavor?: { __typename?: 'InstanceFlavor', name?: string | null, cpuCores?: number | null, ramGb?: number | null, rootDiskGb?: number | null, ephemeralDiskGb?: number | null } | null, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null }, securityRules: Array<{ __typename?: 'SecurityRule', id: string, barrackId: string, direction: Direction, protocol: Protocol, ethertype: Ethertype, remoteIpPrefix: string, portRangeMin?: number | null, portRangeMax?: number | null, status?: string | null, createdAt?: string | null }>, volumes: { __typename?: 'VolumeConnection', totalCount: number, nodes: Array<{ __typename?: 'Volume', id: string, barrackId: string, name: string, description?: string | null, sizeGb: number, volumeType: VolumeTypeCode, status: VolumeStatus, region: RegionCode, bootable: boolean, device?: string | null, hourlyRate?: string | null, createdAt: string, attachedTo?: { __typename?: 'Instance', id: string } | null }> }, firewalls: Array<{ __typename?: 'Firewall', id: string, name: string }> } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type DeleteVolumeMutationVariables = Exact<{
  input: DeleteVolumeInput;
}>;


export type DeleteVolumeMutation = { __typename?: 'Mutation', deleteVolume: { __typename?: 'DeleteVolumePayload', requestId?: string | null, deletedVolumeId?: string | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type DeleteSnapshotMutationVariables = Exact<{
  input: DeleteSnapshotInput;
}>;


export type DeleteSnapshotMutation = { __typename?: 'Mutation', deleteSnapshot: { __typename?: 'DeleteSnapshotPayload', requestId?: string | null, deletedSnapshotId?: string | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type DeleteFirewallMutationVariables = Exact<{
  input: DeleteFirewallInput;
}>;


export type DeleteFirewallMutation = { __typename?: 'Mutation', deleteFirewall: { __typename?: 'DeleteFirewallPayload', requestId?: string | null, deletedFirewallId?: string | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: Array<string> | null, currentState?: string | null, allowedFrom?: Array<string> | null, alternatives?: Array<RegionCode> | null, name?: string | null, limit?: number | null, balance?: string | null, required?: string | null }> } };

export type BillingQueryVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  volumeId: Scalars['ID']['input'];
  snapshotId: Scalars['ID']['input'];
}>;


export type BillingQuery = { __typename?: 'Query', instanceBillingHistory: { __typename?: 'InstanceBillingHistory', instanceId: string, currency: Currency, hourlyRate?: string | null, totalCost: string, minutesActive?: number | null, minutesHibernated?: number | null, records: Array<{ __typename?: 'InstanceBillingRecord', timestamp: string, cost: string, state?: VmStatus | null }> }, instance?: { __typename?: 'Instance', id: string, billing: { __typename?: 'InstanceBilling', hourlyRate?: string | null, accruedCost?: string | null, currency?: Currency | null } } | null, volumeBillingHistory: { __typename?: 'StorageBillingHistory', resourceId: string, currency: Currency, hourlyRate: string, totalCost: string }, snapshotBillingHistory: { __typename?: 'StorageBillingHistory', resourceId: string, currency: Currency, totalCost: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', tenantId: string } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const SecurityRuleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<SecurityRuleFieldsFragment, unknown>;
export const VolumeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<VolumeFieldsFragment, unknown>;
export const InstanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InstanceFieldsFragment, unknown>;
export const FirewallRuleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<FirewallRuleFieldsFragment, unknown>;
export const FirewallFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Firewall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"attachedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<FirewallFieldsFragment, unknown>;
export const SnapshotFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"isImage"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vmConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"diskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SnapshotFieldsFragment, unknown>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"principalKind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpuSpecs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"vcpus"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"regions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpuStock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"availableAtLeast"}}]}},{"kind":"Field","name":{"kind":"Name","value":"osImages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"family"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumeTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sshKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"canCreateInstance"}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const VolumeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolumeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<VolumeByIdQuery, VolumeByIdQueryVariables>;
export const FirewallByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirewallById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firewall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Firewall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"attachedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<FirewallByIdQuery, FirewallByIdQueryVariables>;
export const SnapshotByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SnapshotById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SnapshotFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"isImage"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vmConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"diskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SnapshotByIdQuery, SnapshotByIdQueryVariables>;
export const SecurityRuleNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecurityRuleNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<SecurityRuleNodeQuery, SecurityRuleNodeQueryVariables>;
export const FirewallRuleNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirewallRuleNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<FirewallRuleNodeQuery, FirewallRuleNodeQueryVariables>;
export const InstanceByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstanceByIdQuery, InstanceByIdQueryVariables>;
export const MissingBesideSiblingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MissingBesideSiblings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MissingBesideSiblingsQuery, MissingBesideSiblingsQueryVariables>;
export const CreateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInstanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<CreateInstanceMutation, CreateInstanceMutationVariables>;
export const InstanceUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstanceUpdatedSubscription, InstanceUpdatedSubscriptionVariables>;
export const AddInstanceSecurityRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInstanceSecurityRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInstanceSecurityRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInstanceSecurityRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"securityRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<AddInstanceSecurityRuleMutation, AddInstanceSecurityRuleMutationVariables>;
export const CreateVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVolumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"volume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<CreateVolumeMutation, CreateVolumeMutationVariables>;
export const AttachVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttachVolumesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachVolumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"device"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<AttachVolumesMutation, AttachVolumesMutationVariables>;
export const DetachVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DetachVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DetachVolumesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detachVolumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<DetachVolumesMutation, DetachVolumesMutationVariables>;
export const CreateFirewallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFirewall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFirewallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFirewall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"firewall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Firewall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"attachedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<CreateFirewallMutation, CreateFirewallMutationVariables>;
export const AddFirewallRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddFirewallRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddFirewallRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addFirewallRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Firewall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"attachedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<AddFirewallRuleMutation, AddFirewallRuleMutationVariables>;
export const AttachFirewallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachFirewall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttachFirewallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachFirewall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"firewall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FirewallRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FirewallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Firewall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ruleCount"}},{"kind":"Field","name":{"kind":"Name","value":"attachedCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FirewallRuleFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<AttachFirewallMutation, AttachFirewallMutationVariables>;
export const CreateSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSnapshotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"snapshot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SnapshotFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"isImage"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vmConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"diskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<CreateSnapshotMutation, CreateSnapshotMutationVariables>;
export const RestoreSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreSnapshotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceSnapshot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SnapshotFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SnapshotFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Snapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"isImage"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vmConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"diskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"snapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<RestoreSnapshotMutation, RestoreSnapshotMutationVariables>;
export const HibernateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HibernateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hibernateInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<HibernateInstanceMutation, HibernateInstanceMutationVariables>;
export const RestoreInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<RestoreInstanceMutation, RestoreInstanceMutationVariables>;
export const StopInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<StopInstanceMutation, StopInstanceMutationVariables>;
export const DeleteInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecurityRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"ethertype"}},{"kind":"Field","name":{"kind":"Name","value":"remoteIpPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMin"}},{"kind":"Field","name":{"kind":"Name","value":"portRangeMax"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolumeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Volume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGb"}},{"kind":"Field","name":{"kind":"Name","value":"volumeType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"bootable"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barrackId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModel"}},{"kind":"Field","name":{"kind":"Name","value":"gpuCount"}},{"kind":"Field","name":{"kind":"Name","value":"imageName"}},{"kind":"Field","name":{"kind":"Name","value":"sshKeyName"}},{"kind":"Field","name":{"kind":"Name","value":"bootSource"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"privateIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firewallEligible"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flavor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"ramGb"}},{"kind":"Field","name":{"kind":"Name","value":"rootDiskGb"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralDiskGb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"securityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecurityRuleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolumeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"firewalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<DeleteInstanceMutation, DeleteInstanceMutationVariables>;
export const DeleteVolumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVolumeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVolume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedVolumeId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<DeleteVolumeMutation, DeleteVolumeMutationVariables>;
export const DeleteSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteSnapshotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedSnapshotId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<DeleteSnapshotMutation, DeleteSnapshotMutationVariables>;
export const DeleteFirewallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteFirewall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteFirewallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFirewall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedFirewallId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"currentState"}},{"kind":"Field","name":{"kind":"Name","value":"allowedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]} as unknown as DocumentNode<DeleteFirewallMutation, DeleteFirewallMutationVariables>;
export const BillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Billing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"volumeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"snapshotId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceBillingHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"minutesActive"}},{"kind":"Field","name":{"kind":"Name","value":"minutesHibernated"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"accruedCost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumeBillingHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"volumeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshotBillingHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"snapshotId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}}]}}]}}]} as unknown as DocumentNode<BillingQuery, BillingQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;