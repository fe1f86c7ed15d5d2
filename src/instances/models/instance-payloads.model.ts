import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { GpuModel, Region, VmStatus } from '../../common/graphql/barrack-enums';
import { Instance } from './instance.model';
import { SecurityRule } from './security-rule.model';

@ObjectType({ description: 'Result of createInstance.' })
export class CreateInstancePayload {
  @Field(() => Instance, { description: 'The new instance (status CREATING until it becomes ACTIVE).' })
  instance!: Instance;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({
  description: 'Result of a lifecycle action (start, stop, reboot, hibernate, restore, delete).',
})
export class InstanceActionPayload {
  @Field(() => ID, { description: 'The instance acted on.' })
  instanceId!: string;

  @Field(() => VmStatus, {
    description: 'Status right after the action (usually transitional, e.g. STOPPING).',
  })
  status!: string;

  @Field(() => VmStatus, { nullable: true, description: 'Status before the action.' })
  previousStatus!: string | null;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;

  /** Resolved lazily (a fresh read) by the payload resolver. */
  instance?: Instance | null;
}

@ObjectType({ description: 'Result of toggleInstancePublicIp.' })
export class ToggleInstancePublicIpPayload {
  @Field(() => ID, { description: 'The instance acted on.' })
  instanceId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Public IP after the toggle (null when detached or detaching).',
  })
  publicIp!: string | null;

  @Field({ description: 'State of the public IP: ATTACHING, DETACHING, ATTACHED or DETACHED.' })
  publicIpStatus!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'Result of addInstanceSecurityRule.' })
export class AddInstanceSecurityRulePayload {
  @Field(() => ID, { description: 'The instance the rule was added to.' })
  instanceId!: string;

  @Field(() => SecurityRule, { description: 'The new rule.' })
  securityRule!: SecurityRule;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'Result of removeInstanceSecurityRule.' })
export class RemoveInstanceSecurityRulePayload {
  @Field(() => ID, { description: 'The instance the rule was removed from.' })
  instanceId!: string;

  @Field(() => ID, { description: 'The removed rule.' })
  removedRuleId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'A recently hibernated instance.' })
export class RecentHibernation {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field(() => String, { nullable: true, description: 'Instance name.' })
  name!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was hibernated.' })
  hibernatedAt!: Date | null;
}

@ObjectType({ description: 'How many instances are hibernated.' })
export class HibernatedInstancesCount {
  @Field(() => Int, { description: 'Number of HIBERNATED instances in the account.' })
  count!: number;

  @Field(() => [RecentHibernation], { description: 'The most recent hibernations, when Barrack lists them.' })
  recent!: RecentHibernation[];
}

@ObjectType({ description: 'An instance that can be snapshotted now (ACTIVE).' })
export class SnapshotEligibleInstance {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field({ description: 'Instance name.' })
  name!: string;

  @Field(() => GpuModel, { nullable: true, description: 'GPU model.' })
  gpuModel!: string | null;

  @Field(() => Region, { description: 'Region.' })
  region!: string;

  instance?: Instance | null;
}
