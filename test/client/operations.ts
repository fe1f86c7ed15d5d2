import { graphql } from './gql/gql';

/*
 * The documents a console frontend would write, typed by codegen (client preset) from the gateway's
 * introspection: `npm run gen:client-types` after changing any of them. Each payload selects the same fragment
 * a fresh read selects, so the tests can compare what the normalised cache holds after a mutation with what
 * the gateway answers to a network read of the same object.
 */

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
    currentState
    allowedFrom
    alternatives
    name
    limit
    balance
    required
  }
`);

export const SecurityRuleFields = graphql(`
  fragment SecurityRuleFields on SecurityRule {
    id
    barrackId
    direction
    protocol
    ethertype
    remoteIpPrefix
    portRangeMin
    portRangeMax
    status
    createdAt
  }
`);

export const VolumeFields = graphql(`
  fragment VolumeFields on Volume {
    id
    barrackId
    name
    description
    sizeGb
    volumeType
    status
    region
    bootable
    device
    hourlyRate
    createdAt
    attachedTo {
      id
    }
  }
`);

/** An instance as the console's detail page shows it, with the lists that hang off it. */
export const InstanceFields = graphql(`
  fragment InstanceFields on Instance {
    id
    barrackId
    name
    status
    region
    gpuModel
    gpuCount
    imageName
    sshKeyName
    bootSource
    labels
    publicIp
    privateIp
    publicIpStatus
    firewallEligible
    createdAt
    flavor {
      name
      cpuCores
      ramGb
      rootDiskGb
      ephemeralDiskGb
    }
    billing {
      hourlyRate
      accruedCost
      currency
    }
    securityRules {
      ...SecurityRuleFields
    }
    volumes(first: 20) {
      totalCount
      nodes {
        ...VolumeFields
      }
    }
    firewalls {
      id
      name
    }
  }
`);

export const FirewallRuleFields = graphql(`
  fragment FirewallRuleFields on FirewallRule {
    id
    barrackId
    direction
    protocol
    ethertype
    remoteIpPrefix
    portRangeMin
    portRangeMax
    status
    createdAt
  }
`);

/** A firewall with its rules and the instances it guards (whose firewall lists it updates in the cache). */
export const FirewallFields = graphql(`
  fragment FirewallFields on Firewall {
    id
    barrackId
    name
    description
    region
    status
    ruleCount
    attachedCount
    createdAt
    rules(first: 20) {
      totalCount
      nodes {
        ...FirewallRuleFields
      }
    }
    attachments {
      id
      instanceId
      name
      status
    }
    instances {
      id
      name
      firewalls {
        id
        name
      }
    }
  }
`);

/** A snapshot with its source instance's snapshot list (updated in the cache by createSnapshot). */
export const SnapshotFields = graphql(`
  fragment SnapshotFields on Snapshot {
    id
    barrackId
    name
    description
    status
    region
    sizeGb
    isImage
    instanceName
    createdAt
    vmConfig {
      gpuModel
      gpuCount
      cpuCores
      ramGb
      diskGb
    }
    instance {
      id
      snapshots(first: 20) {
        totalCount
        nodes {
          id
          name
          status
        }
      }
    }
  }
`);

export const Catalogue = graphql(`
  query Catalogue {
    viewer {
      tenantId
      principalKind
    }
    regions {
      code
      name
      country
    }
    gpuSpecs {
      gpuModel
      gpuCount
      vcpus
      ramGb
      hourlyRate
      currency
      regions
    }
    gpuStock {
      gpuModel
      regionCode
      availableAtLeast
    }
    osImages {
      id
      barrackId
      name
      region
      family
      version
    }
    volumeTypes {
      name
    }
    sshKeys(first: 20) {
      totalCount
      nodes {
        id
        name
      }
    }
    balance {
      amount
      currency
      canCreateInstance
    }
  }
`);

export const VolumeById = graphql(`
  query VolumeById($id: ID!) {
    volume(id: $id) {
      ...VolumeFields
    }
  }
`);

export const FirewallById = graphql(`
  query FirewallById($id: ID!) {
    firewall(id: $id) {
      ...FirewallFields
    }
  }
`);

export const SnapshotById = graphql(`
  query SnapshotById($id: ID!) {
    snapshot(id: $id) {
      ...SnapshotFields
    }
  }
`);

/** Security rules and firewall rules have no root lookup of their own: node(id) reads them. */
export const SecurityRuleNode = graphql(`
  query SecurityRuleNode($id: ID!) {
    node(id: $id) {
      id
      ...SecurityRuleFields
    }
  }
`);

export const FirewallRuleNode = graphql(`
  query FirewallRuleNode($id: ID!) {
    node(id: $id) {
      id
      ...FirewallRuleFields
    }
  }
`);

export const InstanceById = graphql(`
  query InstanceById($id: ID!) {
    instance(id: $id) {
      ...InstanceFields
    }
  }
`);

export const MissingBesideSiblings = graphql(`
  query MissingBesideSiblings($id: ID!) {
    viewer {
      tenantId
    }
    instance(id: $id) {
      id
      name
    }
    instances(first: 5) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`);

export const CreateInstance = graphql(`
  mutation CreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      requestId
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const InstanceUpdated = graphql(`
  subscription InstanceUpdated($id: ID!) {
    instanceUpdated(id: $id) {
      ...InstanceFields
    }
  }
`);

export const AddInstanceSecurityRule = graphql(`
  mutation AddInstanceSecurityRule($input: AddInstanceSecurityRuleInput!) {
    addInstanceSecurityRule(input: $input) {
      requestId
      securityRule {
        ...SecurityRuleFields
      }
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateVolume = graphql(`
  mutation CreateVolume($input: CreateVolumeInput!) {
    createVolume(input: $input) {
      requestId
      volume {
        ...VolumeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AttachVolumes = graphql(`
  mutation AttachVolumes($input: AttachVolumesInput!) {
    attachVolumes(input: $input) {
      requestId
      attachments {
        volumeId
        instanceId
        status
        device
      }
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DetachVolumes = graphql(`
  mutation DetachVolumes($input: DetachVolumesInput!) {
    detachVolumes(input: $input) {
      requestId
      attachments {
        volumeId
        status
      }
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateFirewall = graphql(`
  mutation CreateFirewall($input: CreateFirewallInput!) {
    createFirewall(input: $input) {
      requestId
      firewall {
        ...FirewallFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddFirewallRule = graphql(`
  mutation AddFirewallRule($input: AddFirewallRuleInput!) {
    addFirewallRule(input: $input) {
      requestId
      rule {
        ...FirewallRuleFields
      }
      firewall {
        ...FirewallFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AttachFirewall = graphql(`
  mutation AttachFirewall($input: AttachFirewallInput!) {
    attachFirewall(input: $input) {
      requestId
      firewall {
        ...FirewallFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateSnapshot = graphql(`
  mutation CreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      requestId
      snapshot {
        ...SnapshotFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RestoreSnapshot = graphql(`
  mutation RestoreSnapshot($input: RestoreSnapshotInput!) {
    restoreSnapshot(input: $input) {
      requestId
      instance {
        ...InstanceFields
      }
      sourceSnapshot {
        ...SnapshotFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const HibernateInstance = graphql(`
  mutation HibernateInstance($input: InstanceActionInput!) {
    hibernateInstance(input: $input) {
      requestId
      status
      previousStatus
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RestoreInstance = graphql(`
  mutation RestoreInstance($input: InstanceActionInput!) {
    restoreInstance(input: $input) {
      requestId
      status
      previousStatus
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const StopInstance = graphql(`
  mutation StopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      requestId
      status
      previousStatus
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteInstance = graphql(`
  mutation DeleteInstance($input: InstanceActionInput!) {
    deleteInstance(input: $input) {
      requestId
      status
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteVolume = graphql(`
  mutation DeleteVolume($input: DeleteVolumeInput!) {
    deleteVolume(input: $input) {
      requestId
      deletedVolumeId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteSnapshot = graphql(`
  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {
    deleteSnapshot(input: $input) {
      requestId
      deletedSnapshotId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteFirewall = graphql(`
  mutation DeleteFirewall($input: DeleteFirewallInput!) {
    deleteFirewall(input: $input) {
      requestId
      deletedFirewallId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const Billing = graphql(`
  query Billing($instanceId: ID!, $volumeId: ID!, $snapshotId: ID!) {
    instanceBillingHistory(id: $instanceId) {
      instanceId
      currency
      hourlyRate
      totalCost
      minutesActive
      minutesHibernated
      records {
        timestamp
        cost
        state
      }
    }
    instance(id: $instanceId) {
      id
      billing {
        hourlyRate
        accruedCost
        currency
      }
    }
    volumeBillingHistory(id: $volumeId) {
      resourceId
      currency
      hourlyRate
      totalCost
    }
    snapshotBillingHistory(id: $snapshotId) {
      resourceId
      currency
      totalCost
    }
  }
`);

export const Viewer = graphql(`
  query Viewer {
    viewer {
      tenantId
    }
  }
`);

export const RemoveInstanceSecurityRule = graphql(`
  mutation RemoveInstanceSecurityRule($input: RemoveInstanceSecurityRuleInput!) {
    removeInstanceSecurityRule(input: $input) {
      requestId
      removedRuleId
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveFirewallRule = graphql(`
  mutation RemoveFirewallRule($input: RemoveFirewallRuleInput!) {
    removeFirewallRule(input: $input) {
      requestId
      removedRuleId
      firewall {
        ...FirewallFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ToggleInstancePublicIp = graphql(`
  mutation ToggleInstancePublicIp($input: InstanceActionInput!) {
    toggleInstancePublicIp(input: $input) {
      requestId
      publicIp
      publicIpStatus
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResizeVolume = graphql(`
  mutation ResizeVolume($input: ResizeVolumeInput!) {
    resizeVolume(input: $input) {
      requestId
      volume {
        ...VolumeFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
