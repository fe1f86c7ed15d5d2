/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    currentState\n    allowedFrom\n    alternatives\n    name\n    limit\n    balance\n    required\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment SecurityRuleFields on SecurityRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n": typeof types.SecurityRuleFieldsFragmentDoc,
    "\n  fragment VolumeFields on Volume {\n    id\n    barrackId\n    name\n    description\n    sizeGb\n    volumeType\n    status\n    region\n    bootable\n    device\n    hourlyRate\n    createdAt\n    attachedTo {\n      id\n    }\n  }\n": typeof types.VolumeFieldsFragmentDoc,
    "\n  fragment InstanceFields on Instance {\n    id\n    barrackId\n    name\n    status\n    region\n    gpuModel\n    gpuCount\n    imageName\n    sshKeyName\n    bootSource\n    labels\n    publicIp\n    privateIp\n    publicIpStatus\n    firewallEligible\n    createdAt\n    flavor {\n      name\n      cpuCores\n      ramGb\n      rootDiskGb\n      ephemeralDiskGb\n    }\n    billing {\n      hourlyRate\n      accruedCost\n      currency\n    }\n    securityRules {\n      ...SecurityRuleFields\n    }\n    volumes(first: 20) {\n      totalCount\n      nodes {\n        ...VolumeFields\n      }\n    }\n    firewalls {\n      id\n      name\n    }\n  }\n": typeof types.InstanceFieldsFragmentDoc,
    "\n  fragment FirewallRuleFields on FirewallRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n": typeof types.FirewallRuleFieldsFragmentDoc,
    "\n  fragment FirewallFields on Firewall {\n    id\n    barrackId\n    name\n    description\n    region\n    status\n    ruleCount\n    attachedCount\n    createdAt\n    rules(first: 20) {\n      totalCount\n      nodes {\n        ...FirewallRuleFields\n      }\n    }\n    attachments {\n      id\n      instanceId\n      name\n      status\n    }\n    instances {\n      id\n      name\n      firewalls {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FirewallFieldsFragmentDoc,
    "\n  fragment SnapshotFields on Snapshot {\n    id\n    barrackId\n    name\n    description\n    status\n    region\n    sizeGb\n    isImage\n    instanceName\n    createdAt\n    vmConfig {\n      gpuModel\n      gpuCount\n      cpuCores\n      ramGb\n      diskGb\n    }\n    instance {\n      id\n      snapshots(first: 20) {\n        totalCount\n        nodes {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n": typeof types.SnapshotFieldsFragmentDoc,
    "\n  query Catalogue {\n    viewer {\n      tenantId\n      principalKind\n    }\n    regions {\n      code\n      name\n      country\n    }\n    gpuSpecs {\n      gpuModel\n      gpuCount\n      vcpus\n      ramGb\n      hourlyRate\n      currency\n      regions\n    }\n    gpuStock {\n      gpuModel\n      regionCode\n      availableAtLeast\n    }\n    osImages {\n      id\n      barrackId\n      name\n      region\n      family\n      version\n    }\n    volumeTypes {\n      name\n    }\n    sshKeys(first: 20) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n    balance {\n      amount\n      currency\n      canCreateInstance\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  query VolumeById($id: ID!) {\n    volume(id: $id) {\n      ...VolumeFields\n    }\n  }\n": typeof types.VolumeByIdDocument,
    "\n  query FirewallById($id: ID!) {\n    firewall(id: $id) {\n      ...FirewallFields\n    }\n  }\n": typeof types.FirewallByIdDocument,
    "\n  query SnapshotById($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n    }\n  }\n": typeof types.SnapshotByIdDocument,
    "\n  query SecurityRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...SecurityRuleFields\n    }\n  }\n": typeof types.SecurityRuleNodeDocument,
    "\n  query FirewallRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...FirewallRuleFields\n    }\n  }\n": typeof types.FirewallRuleNodeDocument,
    "\n  query InstanceById($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n": typeof types.InstanceByIdDocument,
    "\n  query MissingBesideSiblings($id: ID!) {\n    viewer {\n      tenantId\n    }\n    instance(id: $id) {\n      id\n      name\n    }\n    instances(first: 5) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MissingBesideSiblingsDocument,
    "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateInstanceDocument,
    "\n  subscription InstanceUpdated($id: ID!) {\n    instanceUpdated(id: $id) {\n      ...InstanceFields\n    }\n  }\n": typeof types.InstanceUpdatedDocument,
    "\n  mutation AddInstanceSecurityRule($input: AddInstanceSecurityRuleInput!) {\n    addInstanceSecurityRule(input: $input) {\n      requestId\n      securityRule {\n        ...SecurityRuleFields\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddInstanceSecurityRuleDocument,
    "\n  mutation CreateVolume($input: CreateVolumeInput!) {\n    createVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateVolumeDocument,
    "\n  mutation AttachVolumes($input: AttachVolumesInput!) {\n    attachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        instanceId\n        status\n        device\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AttachVolumesDocument,
    "\n  mutation DetachVolumes($input: DetachVolumesInput!) {\n    detachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        status\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DetachVolumesDocument,
    "\n  mutation CreateFirewall($input: CreateFirewallInput!) {\n    createFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateFirewallDocument,
    "\n  mutation AddFirewallRule($input: AddFirewallRuleInput!) {\n    addFirewallRule(input: $input) {\n      requestId\n      rule {\n        ...FirewallRuleFields\n      }\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddFirewallRuleDocument,
    "\n  mutation AttachFirewall($input: AttachFirewallInput!) {\n    attachFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AttachFirewallDocument,
    "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      requestId\n      snapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateSnapshotDocument,
    "\n  mutation RestoreSnapshot($input: RestoreSnapshotInput!) {\n    restoreSnapshot(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      sourceSnapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RestoreSnapshotDocument,
    "\n  mutation HibernateInstance($input: InstanceActionInput!) {\n    hibernateInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.HibernateInstanceDocument,
    "\n  mutation RestoreInstance($input: InstanceActionInput!) {\n    restoreInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RestoreInstanceDocument,
    "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.StopInstanceDocument,
    "\n  mutation DeleteInstance($input: InstanceActionInput!) {\n    deleteInstance(input: $input) {\n      requestId\n      status\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteInstanceDocument,
    "\n  mutation DeleteVolume($input: DeleteVolumeInput!) {\n    deleteVolume(input: $input) {\n      requestId\n      deletedVolumeId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteVolumeDocument,
    "\n  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {\n    deleteSnapshot(input: $input) {\n      requestId\n      deletedSnapshotId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteSnapshotDocument,
    "\n  mutation DeleteFirewall($input: DeleteFirewallInput!) {\n    deleteFirewall(input: $input) {\n      requestId\n      deletedFirewallId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteFirewallDocument,
    "\n  query Billing($instanceId: ID!, $volumeId: ID!, $snapshotId: ID!) {\n    instanceBillingHistory(id: $instanceId) {\n      instanceId\n      currency\n      hourlyRate\n      totalCost\n      minutesActive\n      minutesHibernated\n      records {\n        timestamp\n        cost\n        state\n      }\n    }\n    instance(id: $instanceId) {\n      id\n      billing {\n        hourlyRate\n        accruedCost\n        currency\n      }\n    }\n    volumeBillingHistory(id: $volumeId) {\n      resourceId\n      currency\n      hourlyRate\n      totalCost\n    }\n    snapshotBillingHistory(id: $snapshotId) {\n      resourceId\n      currency\n      totalCost\n    }\n  }\n": typeof types.BillingDocument,
    "\n  query Viewer {\n    viewer {\n      tenantId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation RemoveInstanceSecurityRule($input: RemoveInstanceSecurityRuleInput!) {\n    removeInstanceSecurityRule(input: $input) {\n      requestId\n      removedRuleId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveInstanceSecurityRuleDocument,
    "\n  mutation RemoveFirewallRule($input: RemoveFirewallRuleInput!) {\n    removeFirewallRule(input: $input) {\n      requestId\n      removedRuleId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveFirewallRuleDocument,
    "\n  mutation ToggleInstancePublicIp($input: InstanceActionInput!) {\n    toggleInstancePublicIp(input: $input) {\n      requestId\n      publicIp\n      publicIpStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ToggleInstancePublicIpDocument,
    "\n  mutation ResizeVolume($input: ResizeVolumeInput!) {\n    resizeVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResizeVolumeDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    currentState\n    allowedFrom\n    alternatives\n    name\n    limit\n    balance\n    required\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment SecurityRuleFields on SecurityRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n": types.SecurityRuleFieldsFragmentDoc,
    "\n  fragment VolumeFields on Volume {\n    id\n    barrackId\n    name\n    description\n    sizeGb\n    volumeType\n    status\n    region\n    bootable\n    device\n    hourlyRate\n    createdAt\n    attachedTo {\n      id\n    }\n  }\n": types.VolumeFieldsFragmentDoc,
    "\n  fragment InstanceFields on Instance {\n    id\n    barrackId\n    name\n    status\n    region\n    gpuModel\n    gpuCount\n    imageName\n    sshKeyName\n    bootSource\n    labels\n    publicIp\n    privateIp\n    publicIpStatus\n    firewallEligible\n    createdAt\n    flavor {\n      name\n      cpuCores\n      ramGb\n      rootDiskGb\n      ephemeralDiskGb\n    }\n    billing {\n      hourlyRate\n      accruedCost\n      currency\n    }\n    securityRules {\n      ...SecurityRuleFields\n    }\n    volumes(first: 20) {\n      totalCount\n      nodes {\n        ...VolumeFields\n      }\n    }\n    firewalls {\n      id\n      name\n    }\n  }\n": types.InstanceFieldsFragmentDoc,
    "\n  fragment FirewallRuleFields on FirewallRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n": types.FirewallRuleFieldsFragmentDoc,
    "\n  fragment FirewallFields on Firewall {\n    id\n    barrackId\n    name\n    description\n    region\n    status\n    ruleCount\n    attachedCount\n    createdAt\n    rules(first: 20) {\n      totalCount\n      nodes {\n        ...FirewallRuleFields\n      }\n    }\n    attachments {\n      id\n      instanceId\n      name\n      status\n    }\n    instances {\n      id\n      name\n      firewalls {\n        id\n        name\n      }\n    }\n  }\n": types.FirewallFieldsFragmentDoc,
    "\n  fragment SnapshotFields on Snapshot {\n    id\n    barrackId\n    name\n    description\n    status\n    region\n    sizeGb\n    isImage\n    instanceName\n    createdAt\n    vmConfig {\n      gpuModel\n      gpuCount\n      cpuCores\n      ramGb\n      diskGb\n    }\n    instance {\n      id\n      snapshots(first: 20) {\n        totalCount\n        nodes {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n": types.SnapshotFieldsFragmentDoc,
    "\n  query Catalogue {\n    viewer {\n      tenantId\n      principalKind\n    }\n    regions {\n      code\n      name\n      country\n    }\n    gpuSpecs {\n      gpuModel\n      gpuCount\n      vcpus\n      ramGb\n      hourlyRate\n      currency\n      regions\n    }\n    gpuStock {\n      gpuModel\n      regionCode\n      availableAtLeast\n    }\n    osImages {\n      id\n      barrackId\n      name\n      region\n      family\n      version\n    }\n    volumeTypes {\n      name\n    }\n    sshKeys(first: 20) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n    balance {\n      amount\n      currency\n      canCreateInstance\n    }\n  }\n": types.CatalogueDocument,
    "\n  query VolumeById($id: ID!) {\n    volume(id: $id) {\n      ...VolumeFields\n    }\n  }\n": types.VolumeByIdDocument,
    "\n  query FirewallById($id: ID!) {\n    firewall(id: $id) {\n      ...FirewallFields\n    }\n  }\n": types.FirewallByIdDocument,
    "\n  query SnapshotById($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n    }\n  }\n": types.SnapshotByIdDocument,
    "\n  query SecurityRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...SecurityRuleFields\n    }\n  }\n": types.SecurityRuleNodeDocument,
    "\n  query FirewallRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...FirewallRuleFields\n    }\n  }\n": types.FirewallRuleNodeDocument,
    "\n  query InstanceById($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n": types.InstanceByIdDocument,
    "\n  query MissingBesideSiblings($id: ID!) {\n    viewer {\n      tenantId\n    }\n    instance(id: $id) {\n      id\n      name\n    }\n    instances(first: 5) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.MissingBesideSiblingsDocument,
    "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateInstanceDocument,
    "\n  subscription InstanceUpdated($id: ID!) {\n    instanceUpdated(id: $id) {\n      ...InstanceFields\n    }\n  }\n": types.InstanceUpdatedDocument,
    "\n  mutation AddInstanceSecurityRule($input: AddInstanceSecurityRuleInput!) {\n    addInstanceSecurityRule(input: $input) {\n      requestId\n      securityRule {\n        ...SecurityRuleFields\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddInstanceSecurityRuleDocument,
    "\n  mutation CreateVolume($input: CreateVolumeInput!) {\n    createVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateVolumeDocument,
    "\n  mutation AttachVolumes($input: AttachVolumesInput!) {\n    attachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        instanceId\n        status\n        device\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AttachVolumesDocument,
    "\n  mutation DetachVolumes($input: DetachVolumesInput!) {\n    detachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        status\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DetachVolumesDocument,
    "\n  mutation CreateFirewall($input: CreateFirewallInput!) {\n    createFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateFirewallDocument,
    "\n  mutation AddFirewallRule($input: AddFirewallRuleInput!) {\n    addFirewallRule(input: $input) {\n      requestId\n      rule {\n        ...FirewallRuleFields\n      }\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddFirewallRuleDocument,
    "\n  mutation AttachFirewall($input: AttachFirewallInput!) {\n    attachFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AttachFirewallDocument,
    "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      requestId\n      snapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateSnapshotDocument,
    "\n  mutation RestoreSnapshot($input: RestoreSnapshotInput!) {\n    restoreSnapshot(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      sourceSnapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RestoreSnapshotDocument,
    "\n  mutation HibernateInstance($input: InstanceActionInput!) {\n    hibernateInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.HibernateInstanceDocument,
    "\n  mutation RestoreInstance($input: InstanceActionInput!) {\n    restoreInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RestoreInstanceDocument,
    "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.StopInstanceDocument,
    "\n  mutation DeleteInstance($input: InstanceActionInput!) {\n    deleteInstance(input: $input) {\n      requestId\n      status\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteInstanceDocument,
    "\n  mutation DeleteVolume($input: DeleteVolumeInput!) {\n    deleteVolume(input: $input) {\n      requestId\n      deletedVolumeId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteVolumeDocument,
    "\n  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {\n    deleteSnapshot(input: $input) {\n      requestId\n      deletedSnapshotId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteSnapshotDocument,
    "\n  mutation DeleteFirewall($input: DeleteFirewallInput!) {\n    deleteFirewall(input: $input) {\n      requestId\n      deletedFirewallId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteFirewallDocument,
    "\n  query Billing($instanceId: ID!, $volumeId: ID!, $snapshotId: ID!) {\n    instanceBillingHistory(id: $instanceId) {\n      instanceId\n      currency\n      hourlyRate\n      totalCost\n      minutesActive\n      minutesHibernated\n      records {\n        timestamp\n        cost\n        state\n      }\n    }\n    instance(id: $instanceId) {\n      id\n      billing {\n        hourlyRate\n        accruedCost\n        currency\n      }\n    }\n    volumeBillingHistory(id: $volumeId) {\n      resourceId\n      currency\n      hourlyRate\n      totalCost\n    }\n    snapshotBillingHistory(id: $snapshotId) {\n      resourceId\n      currency\n      totalCost\n    }\n  }\n": types.BillingDocument,
    "\n  query Viewer {\n    viewer {\n      tenantId\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation RemoveInstanceSecurityRule($input: RemoveInstanceSecurityRuleInput!) {\n    removeInstanceSecurityRule(input: $input) {\n      requestId\n      removedRuleId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveInstanceSecurityRuleDocument,
    "\n  mutation RemoveFirewallRule($input: RemoveFirewallRuleInput!) {\n    removeFirewallRule(input: $input) {\n      requestId\n      removedRuleId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveFirewallRuleDocument,
    "\n  mutation ToggleInstancePublicIp($input: InstanceActionInput!) {\n    toggleInstancePublicIp(input: $input) {\n      requestId\n      publicIp\n      publicIpStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ToggleInstancePublicIpDocument,
    "\n  mutation ResizeVolume($input: ResizeVolumeInput!) {\n    resizeVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResizeVolumeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    currentState\n    allowedFrom\n    alternatives\n    name\n    limit\n    balance\n    required\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n    currentState\n    allowedFrom\n    alternatives\n    name\n    limit\n    balance\n    required\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityRuleFields on SecurityRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n"): (typeof documents)["\n  fragment SecurityRuleFields on SecurityRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VolumeFields on Volume {\n    id\n    barrackId\n    name\n    description\n    sizeGb\n    volumeType\n    status\n    region\n    bootable\n    device\n    hourlyRate\n    createdAt\n    attachedTo {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment VolumeFields on Volume {\n    id\n    barrackId\n    name\n    description\n    sizeGb\n    volumeType\n    status\n    region\n    bootable\n    device\n    hourlyRate\n    createdAt\n    attachedTo {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstanceFields on Instance {\n    id\n    barrackId\n    name\n    status\n    region\n    gpuModel\n    gpuCount\n    imageName\n    sshKeyName\n    bootSource\n    labels\n    publicIp\n    privateIp\n    publicIpStatus\n    firewallEligible\n    createdAt\n    flavor {\n      name\n      cpuCores\n      ramGb\n      rootDiskGb\n      ephemeralDiskGb\n    }\n    billing {\n      hourlyRate\n      accruedCost\n      currency\n    }\n    securityRules {\n      ...SecurityRuleFields\n    }\n    volumes(first: 20) {\n      totalCount\n      nodes {\n        ...VolumeFields\n      }\n    }\n    firewalls {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment InstanceFields on Instance {\n    id\n    barrackId\n    name\n    status\n    region\n    gpuModel\n    gpuCount\n    imageName\n    sshKeyName\n    bootSource\n    labels\n    publicIp\n    privateIp\n    publicIpStatus\n    firewallEligible\n    createdAt\n    flavor {\n      name\n      cpuCores\n      ramGb\n      rootDiskGb\n      ephemeralDiskGb\n    }\n    billing {\n      hourlyRate\n      accruedCost\n      currency\n    }\n    securityRules {\n      ...SecurityRuleFields\n    }\n    volumes(first: 20) {\n      totalCount\n      nodes {\n        ...VolumeFields\n      }\n    }\n    firewalls {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FirewallRuleFields on FirewallRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n"): (typeof documents)["\n  fragment FirewallRuleFields on FirewallRule {\n    id\n    barrackId\n    direction\n    protocol\n    ethertype\n    remoteIpPrefix\n    portRangeMin\n    portRangeMax\n    status\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FirewallFields on Firewall {\n    id\n    barrackId\n    name\n    description\n    region\n    status\n    ruleCount\n    attachedCount\n    createdAt\n    rules(first: 20) {\n      totalCount\n      nodes {\n        ...FirewallRuleFields\n      }\n    }\n    attachments {\n      id\n      instanceId\n      name\n      status\n    }\n    instances {\n      id\n      name\n      firewalls {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FirewallFields on Firewall {\n    id\n    barrackId\n    name\n    description\n    region\n    status\n    ruleCount\n    attachedCount\n    createdAt\n    rules(first: 20) {\n      totalCount\n      nodes {\n        ...FirewallRuleFields\n      }\n    }\n    attachments {\n      id\n      instanceId\n      name\n      status\n    }\n    instances {\n      id\n      name\n      firewalls {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SnapshotFields on Snapshot {\n    id\n    barrackId\n    name\n    description\n    status\n    region\n    sizeGb\n    isImage\n    instanceName\n    createdAt\n    vmConfig {\n      gpuModel\n      gpuCount\n      cpuCores\n      ramGb\n      diskGb\n    }\n    instance {\n      id\n      snapshots(first: 20) {\n        totalCount\n        nodes {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SnapshotFields on Snapshot {\n    id\n    barrackId\n    name\n    description\n    status\n    region\n    sizeGb\n    isImage\n    instanceName\n    createdAt\n    vmConfig {\n      gpuModel\n      gpuCount\n      cpuCores\n      ramGb\n      diskGb\n    }\n    instance {\n      id\n      snapshots(first: 20) {\n        totalCount\n        nodes {\n          id\n          name\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue {\n    viewer {\n      tenantId\n      principalKind\n    }\n    regions {\n      code\n      name\n      country\n    }\n    gpuSpecs {\n      gpuModel\n      gpuCount\n      vcpus\n      ramGb\n      hourlyRate\n      currency\n      regions\n    }\n    gpuStock {\n      gpuModel\n      regionCode\n      availableAtLeast\n    }\n    osImages {\n      id\n      barrackId\n      name\n      region\n      family\n      version\n    }\n    volumeTypes {\n      name\n    }\n    sshKeys(first: 20) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n    balance {\n      amount\n      currency\n      canCreateInstance\n    }\n  }\n"): (typeof documents)["\n  query Catalogue {\n    viewer {\n      tenantId\n      principalKind\n    }\n    regions {\n      code\n      name\n      country\n    }\n    gpuSpecs {\n      gpuModel\n      gpuCount\n      vcpus\n      ramGb\n      hourlyRate\n      currency\n      regions\n    }\n    gpuStock {\n      gpuModel\n      regionCode\n      availableAtLeast\n    }\n    osImages {\n      id\n      barrackId\n      name\n      region\n      family\n      version\n    }\n    volumeTypes {\n      name\n    }\n    sshKeys(first: 20) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n    balance {\n      amount\n      currency\n      canCreateInstance\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolumeById($id: ID!) {\n    volume(id: $id) {\n      ...VolumeFields\n    }\n  }\n"): (typeof documents)["\n  query VolumeById($id: ID!) {\n    volume(id: $id) {\n      ...VolumeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirewallById($id: ID!) {\n    firewall(id: $id) {\n      ...FirewallFields\n    }\n  }\n"): (typeof documents)["\n  query FirewallById($id: ID!) {\n    firewall(id: $id) {\n      ...FirewallFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SnapshotById($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n    }\n  }\n"): (typeof documents)["\n  query SnapshotById($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...SecurityRuleFields\n    }\n  }\n"): (typeof documents)["\n  query SecurityRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...SecurityRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirewallRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...FirewallRuleFields\n    }\n  }\n"): (typeof documents)["\n  query FirewallRuleNode($id: ID!) {\n    node(id: $id) {\n      id\n      ...FirewallRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstanceById($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n"): (typeof documents)["\n  query InstanceById($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingBesideSiblings($id: ID!) {\n    viewer {\n      tenantId\n    }\n    instance(id: $id) {\n      id\n      name\n    }\n    instances(first: 5) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MissingBesideSiblings($id: ID!) {\n    viewer {\n      tenantId\n    }\n    instance(id: $id) {\n      id\n      name\n    }\n    instances(first: 5) {\n      totalCount\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InstanceUpdated($id: ID!) {\n    instanceUpdated(id: $id) {\n      ...InstanceFields\n    }\n  }\n"): (typeof documents)["\n  subscription InstanceUpdated($id: ID!) {\n    instanceUpdated(id: $id) {\n      ...InstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInstanceSecurityRule($input: AddInstanceSecurityRuleInput!) {\n    addInstanceSecurityRule(input: $input) {\n      requestId\n      securityRule {\n        ...SecurityRuleFields\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddInstanceSecurityRule($input: AddInstanceSecurityRuleInput!) {\n    addInstanceSecurityRule(input: $input) {\n      requestId\n      securityRule {\n        ...SecurityRuleFields\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateVolume($input: CreateVolumeInput!) {\n    createVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateVolume($input: CreateVolumeInput!) {\n    createVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachVolumes($input: AttachVolumesInput!) {\n    attachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        instanceId\n        status\n        device\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachVolumes($input: AttachVolumesInput!) {\n    attachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        instanceId\n        status\n        device\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachVolumes($input: DetachVolumesInput!) {\n    detachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        status\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DetachVolumes($input: DetachVolumesInput!) {\n    detachVolumes(input: $input) {\n      requestId\n      attachments {\n        volumeId\n        status\n      }\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFirewall($input: CreateFirewallInput!) {\n    createFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFirewall($input: CreateFirewallInput!) {\n    createFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFirewallRule($input: AddFirewallRuleInput!) {\n    addFirewallRule(input: $input) {\n      requestId\n      rule {\n        ...FirewallRuleFields\n      }\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddFirewallRule($input: AddFirewallRuleInput!) {\n    addFirewallRule(input: $input) {\n      requestId\n      rule {\n        ...FirewallRuleFields\n      }\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachFirewall($input: AttachFirewallInput!) {\n    attachFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachFirewall($input: AttachFirewallInput!) {\n    attachFirewall(input: $input) {\n      requestId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      requestId\n      snapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      requestId\n      snapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreSnapshot($input: RestoreSnapshotInput!) {\n    restoreSnapshot(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      sourceSnapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreSnapshot($input: RestoreSnapshotInput!) {\n    restoreSnapshot(input: $input) {\n      requestId\n      instance {\n        ...InstanceFields\n      }\n      sourceSnapshot {\n        ...SnapshotFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HibernateInstance($input: InstanceActionInput!) {\n    hibernateInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HibernateInstance($input: InstanceActionInput!) {\n    hibernateInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreInstance($input: InstanceActionInput!) {\n    restoreInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreInstance($input: InstanceActionInput!) {\n    restoreInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      requestId\n      status\n      previousStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInstance($input: InstanceActionInput!) {\n    deleteInstance(input: $input) {\n      requestId\n      status\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteInstance($input: InstanceActionInput!) {\n    deleteInstance(input: $input) {\n      requestId\n      status\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteVolume($input: DeleteVolumeInput!) {\n    deleteVolume(input: $input) {\n      requestId\n      deletedVolumeId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteVolume($input: DeleteVolumeInput!) {\n    deleteVolume(input: $input) {\n      requestId\n      deletedVolumeId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {\n    deleteSnapshot(input: $input) {\n      requestId\n      deletedSnapshotId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {\n    deleteSnapshot(input: $input) {\n      requestId\n      deletedSnapshotId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFirewall($input: DeleteFirewallInput!) {\n    deleteFirewall(input: $input) {\n      requestId\n      deletedFirewallId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteFirewall($input: DeleteFirewallInput!) {\n    deleteFirewall(input: $input) {\n      requestId\n      deletedFirewallId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Billing($instanceId: ID!, $volumeId: ID!, $snapshotId: ID!) {\n    instanceBillingHistory(id: $instanceId) {\n      instanceId\n      currency\n      hourlyRate\n      totalCost\n      minutesActive\n      minutesHibernated\n      records {\n        timestamp\n        cost\n        state\n      }\n    }\n    instance(id: $instanceId) {\n      id\n      billing {\n        hourlyRate\n        accruedCost\n        currency\n      }\n    }\n    volumeBillingHistory(id: $volumeId) {\n      resourceId\n      currency\n      hourlyRate\n      totalCost\n    }\n    snapshotBillingHistory(id: $snapshotId) {\n      resourceId\n      currency\n      totalCost\n    }\n  }\n"): (typeof documents)["\n  query Billing($instanceId: ID!, $volumeId: ID!, $snapshotId: ID!) {\n    instanceBillingHistory(id: $instanceId) {\n      instanceId\n      currency\n      hourlyRate\n      totalCost\n      minutesActive\n      minutesHibernated\n      records {\n        timestamp\n        cost\n        state\n      }\n    }\n    instance(id: $instanceId) {\n      id\n      billing {\n        hourlyRate\n        accruedCost\n        currency\n      }\n    }\n    volumeBillingHistory(id: $volumeId) {\n      resourceId\n      currency\n      hourlyRate\n      totalCost\n    }\n    snapshotBillingHistory(id: $snapshotId) {\n      resourceId\n      currency\n      totalCost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      tenantId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      tenantId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveInstanceSecurityRule($input: RemoveInstanceSecurityRuleInput!) {\n    removeInstanceSecurityRule(input: $input) {\n      requestId\n      removedRuleId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveInstanceSecurityRule($input: RemoveInstanceSecurityRuleInput!) {\n    removeInstanceSecurityRule(input: $input) {\n      requestId\n      removedRuleId\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFirewallRule($input: RemoveFirewallRuleInput!) {\n    removeFirewallRule(input: $input) {\n      requestId\n      removedRuleId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveFirewallRule($input: RemoveFirewallRuleInput!) {\n    removeFirewallRule(input: $input) {\n      requestId\n      removedRuleId\n      firewall {\n        ...FirewallFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleInstancePublicIp($input: InstanceActionInput!) {\n    toggleInstancePublicIp(input: $input) {\n      requestId\n      publicIp\n      publicIpStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleInstancePublicIp($input: InstanceActionInput!) {\n    toggleInstancePublicIp(input: $input) {\n      requestId\n      publicIp\n      publicIpStatus\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResizeVolume($input: ResizeVolumeInput!) {\n    resizeVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResizeVolume($input: ResizeVolumeInput!) {\n    resizeVolume(input: $input) {\n      requestId\n      volume {\n        ...VolumeFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;