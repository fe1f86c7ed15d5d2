import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { RegionInput } from '../common/graphql/barrack-enums';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { CONNECTION_ITEM_PATHS, type ConnectionShape } from '../common/graphql/connection';
import { FieldPrefetch } from '../common/graphql/field-prefetch';
import { NodeRegistry, argumentKey } from '../common/graphql/node';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyReconcilers, inputName } from '../idempotency/reconcilers';
import { BillableMutation } from '../rate-limit/billable-mutation';
import {
  AddInstanceSecurityRuleInput,
  CreateInstanceInput,
  InstanceActionInput,
  InstanceBillingHistoryArgs,
  InstancesArgs,
  RemoveInstanceSecurityRuleInput,
} from './dto/instance.inputs';
import { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { RequireFieldScopes } from '../auth/field-scopes';
import {
  addSecurityRuleRules,
  createInstanceRules,
  instanceActionRules,
  removeSecurityRuleRules,
} from './dto/instance.rules';
import { InstancesService } from './instances.service';
import { Instance } from './models/instance.model';
import { InstanceBillingHistory } from './models/instance-billing-history.model';
import { InstanceConnection } from './models/instance-connection.model';
import {
  AddInstanceSecurityRulePayload,
  CreateInstancePayload,
  HibernatedInstancesCount,
  InstanceActionPayload,
  RemoveInstanceSecurityRulePayload,
  SnapshotEligibleInstance,
  ToggleInstancePublicIpPayload,
} from './models/instance-payloads.model';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver(() => Instance)
export class InstancesResolver implements OnModuleInit {
  constructor(
    private readonly service: InstancesService,
    private readonly nodes: NodeRegistry,
    private readonly reconcilers: IdempotencyReconcilers,
    private readonly prefetch: FieldPrefetch,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Instance', (key, ctx) => this.service.load(key, ctx));
    // A create whose outcome was lost: the VM is found by its unique name.
    this.reconcilers.register('createInstance', async ({ args, ctx }) => {
      const instance = await this.service.findByName(inputName(args, 'name'), ctx);
      return instance ? { instance, requestId: null } : null;
    });
    this.nodes.register('SecurityRule', async (key, ctx) => {
      for (const i of await this.service.allInstances(ctx)) {
        const rule = i.securityRules.find((r) => r.barrackId === key);
        if (rule) return rule;
      }
      return null;
    });
  }

  @Query(() => InstanceConnection, {
    description: 'Instances of the account: filter, order and page (Relay connection).',
  })
  @RequireScopes('read')
  async instances(
    @Args() args: InstancesArgs,
    @Context() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Instance>> {
    this.service.assertListArgs(args);
    // The page's snapshots, volumes and firewalls (whichever are selected) are account-wide lists that do not
    // depend on the page: they are read while the page itself is, so the console page waits for one Barrack round
    // trip instead of two, and its items complete synchronously. The calls are the ones the fields make anyway,
    // counted in the document's cost; only a page that turns out empty makes them for nothing.
    const nested = this.prefetch.prefetch('Instance', info, CONNECTION_ITEM_PATHS, ctx);
    const page = await this.service.list(args, ctx);
    await nested;
    return page;
  }

  @Query(() => Instance, {
    nullable: true,
    description:
      'One instance by id; null when the account has no such instance (unknown, deleted, or not an instance id).',
  })
  @RequireScopes('read')
  instance(
    @Args('id', { type: () => ID, description: "The instance's `id` (or its `barrackId`)." }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<Instance | null> {
    return this.service.find(id, ctx);
  }

  @Query(() => InstanceBillingHistory, { description: "An instance's billing over a time window." })
  @RequireScopes('read', 'billing')
  instanceBillingHistory(@Args() args: InstanceBillingHistoryArgs, @Context() ctx: GqlContext) {
    return this.service.billingHistory(argumentKey(args.id, 'Instance', 'id'), args, ctx);
  }

  @Query(() => HibernatedInstancesCount, { description: 'How many instances are hibernated.' })
  @RequireScopes('read')
  hibernatedInstancesCount(@Context() ctx: GqlContext) {
    return this.service.hibernatedCount(ctx);
  }

  @Query(() => [SnapshotEligibleInstance], {
    description: 'Instances that can be snapshotted now (ACTIVE ones).',
  })
  @RequireScopes('read')
  snapshotEligibleInstances(
    @Args('region', { type: () => RegionInput, nullable: true, description: 'Only this region.' })
    region: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.service.snapshotEligible(region ?? undefined, ctx);
  }

  @UpstreamCost(1)
  @RequireFieldScopes('billing')
  @ResolveField(() => InstanceBillingHistory, {
    nullable: true,
    description:
      "This instance's billing over a time window (one Barrack call per instance; null without the billing scope).",
  })
  billingHistory(
    @Parent() instance: Instance,
    @Args() window: BillingWindowArgs,
    @Context() ctx: GqlContext,
  ) {
    return this.service.billingHistory(instance.barrackId, window, ctx);
  }

  @Mutation(() => CreateInstancePayload, {
    description:
      'Deploys an instance. Fails with INSUFFICIENT_CREDITS (balance, required), OUT_OF_STOCK (alternatives), NAME_TAKEN.',
  })
  @RequireScopes('write')
  @MutationRules(createInstanceRules)
  @Idempotent()
  @BillableMutation()
  createInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: CreateInstanceInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.create(input, ctx);
  }

  @Mutation(() => InstanceActionPayload, { description: 'Deletes an instance (status DELETING, then gone).' })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  deleteInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.delete(input, ctx);
  }

  @Mutation(() => InstanceActionPayload, {
    description: 'Starts a SHUTOFF instance (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  @Idempotent()
  startInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.act('start', input, ctx);
  }

  @Mutation(() => InstanceActionPayload, {
    description: 'Stops an ACTIVE instance (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  stopInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.act('stop', input, ctx);
  }

  @Mutation(() => InstanceActionPayload, {
    description: 'Reboots an ACTIVE instance (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  rebootInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.act('reboot', input, ctx);
  }

  @Mutation(() => InstanceActionPayload, {
    description: 'Hibernates an ACTIVE instance: GPUs are released and a flat hibernation rate applies.',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  hibernateInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.act('hibernate', input, ctx);
  }

  @Mutation(() => InstanceActionPayload, {
    description: 'Restores a HIBERNATED instance (may fail with OUT_OF_STOCK or INSUFFICIENT_CREDITS).',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  @Idempotent()
  restoreInstance(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.act('restore', input, ctx);
  }

  @Mutation(() => ToggleInstancePublicIpPayload, {
    description:
      'Attaches a public IP when the instance has none, detaches it otherwise (instance must be ACTIVE).',
  })
  @RequireScopes('write')
  @MutationRules(instanceActionRules)
  @Idempotent()
  toggleInstancePublicIp(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: InstanceActionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.togglePublicIp(input, ctx);
  }

  @Mutation(() => AddInstanceSecurityRulePayload, {
    description: 'Adds a security rule to an ACTIVE instance (may take minutes to apply).',
  })
  @RequireScopes('write')
  @MutationRules(addSecurityRuleRules)
  addInstanceSecurityRule(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: AddInstanceSecurityRuleInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.addSecurityRule(input, ctx);
  }

  @Mutation(() => RemoveInstanceSecurityRulePayload, {
    description: 'Removes a security rule from an instance.',
  })
  @RequireScopes('write')
  @MutationRules(removeSecurityRuleRules)
  removeInstanceSecurityRule(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: RemoveInstanceSecurityRuleInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.removeSecurityRule(input, ctx);
  }
}

/*
 * Payloads carry the affected instance as a lazy field: it costs a (fresh) read only when the client asks,
 * and then shows the state after the mutation, which is what a client cache needs.
 */
@Resolver(() => InstanceActionPayload)
export class InstanceActionPayloadResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost(1)
  @ResolveField(() => Instance, { nullable: true, description: 'The instance now (null once it is gone).' })
  instance(@Parent() p: InstanceActionPayload, @Context() ctx: GqlContext) {
    return p.instanceId ? this.instances.loadFresh(p.instanceId, ctx) : null;
  }
}

@Resolver(() => ToggleInstancePublicIpPayload)
export class ToggleInstancePublicIpPayloadResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost(1)
  @ResolveField(() => Instance, { nullable: true, description: 'The instance now.' })
  instance(@Parent() p: ToggleInstancePublicIpPayload, @Context() ctx: GqlContext) {
    return p.instanceId ? this.instances.loadFresh(p.instanceId, ctx) : null;
  }
}

@Resolver(() => AddInstanceSecurityRulePayload)
export class AddInstanceSecurityRulePayloadResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost(1)
  @ResolveField(() => Instance, { nullable: true, description: 'The instance now, with the new rule.' })
  instance(@Parent() p: AddInstanceSecurityRulePayload, @Context() ctx: GqlContext) {
    return p.instanceId ? this.instances.loadFresh(p.instanceId, ctx) : null;
  }
}

@Resolver(() => RemoveInstanceSecurityRulePayload)
export class RemoveInstanceSecurityRulePayloadResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost(1)
  @ResolveField(() => Instance, { nullable: true, description: 'The instance now, without the rule.' })
  instance(@Parent() p: RemoveInstanceSecurityRulePayload, @Context() ctx: GqlContext) {
    return p.instanceId ? this.instances.loadFresh(p.instanceId, ctx) : null;
  }
}

@Resolver(() => SnapshotEligibleInstance)
export class SnapshotEligibleInstanceResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Instance, { nullable: true, description: 'The whole instance.' })
  instance(@Parent() p: SnapshotEligibleInstance, @Context() ctx: GqlContext) {
    return this.instances.load(p.instanceId, ctx);
  }
}
