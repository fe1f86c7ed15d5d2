import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { GpuModel, Region, VmStatus } from '../../common/graphql/barrack-enums';
import { MutationPayload } from '../../common/graphql/user-error';
import { Instance } from './instance.model';
import { SecurityRule } from './security-rule.model';

@ObjectType({ description: 'Result of createInstance.' })
export class CreateInstancePayload extends MutationPayload {
  @Field(() => Instance, {
    nullable: true,
    description: 'The new instance as Barrack now reads it (status CREATING until it becomes ACTIVE).',
  })
  instance?: Instance | null;
}

@ObjectType({
  description: 'Result of a lifecycle action (start, stop, reboot, hibernate, restore, delete).',
})
export class InstanceActionPayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId?: string | null;

  @Field(() => VmStatus, {
    nullable: true,
    description: 'Status right after the action (usually transitional, e.g. STOPPING).',
  })
  status?: string | null;

  @Field(() => VmStatus, { nullable: true, description: 'Status before the action.' })
  previousStatus?: string | null;

  /** Resolved lazily (a fresh read) by the payload resolver. */
  instance?: Instance | null;
}

@ObjectType({ description: 'Result of toggleInstancePublicIp.' })
export class ToggleInstancePublicIpPayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Public IP after the toggle (null when detached or detaching).',
  })
  publicIp?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'State of the public IP: ATTACHING, DETACHING, ATTACHED or DETACHED.',
  })
  publicIpStatus?: string | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'Result of addInstanceSecurityRule.' })
export class AddInstanceSecurityRulePayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId?: string | null;

  @Field(() => SecurityRule, { nullable: true, description: 'The new rule.' })
  securityRule?: SecurityRule | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'Result of removeInstanceSecurityRule.' })
export class RemoveInstanceSecurityRulePayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The removed rule.' })
  removedRuleId?: string | null;

  instance?: Instance | null;
}

@ObjectType({ description: 'A recently hibernated instance.' })
export class RecentHibernation {
  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
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
  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId!: string;

  @Field({ description: 'Instance name.' })
  name!: string;

  @Field(() => GpuModel, { nullable: true, description: 'GPU model.' })
  gpuModel!: string | null;

  @Field(() => Region, { description: 'Region.' })
  region!: string;

  instance?: Instance | null;
}
