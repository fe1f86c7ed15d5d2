import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { DirectFieldResolver } from '../common/graphql/direct-field-resolver';
import type { GqlContext, MaybePromise } from '../common/context/gql-context';
import { FieldPrefetch } from '../common/graphql/field-prefetch';
import { ConnectionArgs, connectionFromArray, type ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry, argumentKey } from '../common/graphql/node';
import { Instance } from '../instances/models/instance.model';
import { InstancesService } from '../instances/instances.service';
import {
  AddFirewallRuleInput,
  AttachFirewallInput,
  CreateFirewallInput,
  DeleteFirewallInput,
  FirewallAvailableInstancesArgs,
  FirewallsArgs,
  RemoveFirewallRuleInput,
} from './dto/firewall.inputs';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import {
  addFirewallRuleRules,
  attachFirewallRules,
  createFirewallRules,
  deleteFirewallRules,
  removeFirewallRuleRules,
} from './dto/firewall.rules';
import { FirewallsService } from './firewalls.service';
import {
  AddFirewallRulePayload,
  AttachFirewallPayload,
  CreateFirewallPayload,
  DeleteFirewallPayload,
  RemoveFirewallRulePayload,
} from './models/firewall-payloads.model';
import {
  Firewall,
  FirewallAttachment,
  FirewallAvailableInstance,
  FirewallConnection,
  FirewallRule,
  FirewallRuleConnection,
  InstanceFirewall,
} from './models/firewall.model';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver(() => Firewall)
export class FirewallsResolver implements OnModuleInit {
  constructor(
    private readonly service: FirewallsService,
    private readonly instanceService: InstancesService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Firewall', (key, ctx) => this.service.find(ctx, key));
    this.nodes.register('FirewallRule', async (key, ctx) => {
      for (const fw of await this.service.all(ctx)) {
        const rule = fw.rules.find((r) => r.barrackId === key);
        if (rule) return rule;
      }
      return null;
    });
    this.nodes.register('FirewallAttachment', async (key, ctx) => {
      const [firewallId, instanceId] = key.split('/');
      const fw = (await this.service.all(ctx)).find((f) => f.barrackId === firewallId);
      return fw?.attachments.find((a) => a.instanceId === instanceId) ?? null;
    });
    this.nodes.register('InstanceFirewall', async (key, ctx) => {
      const [instanceId, firewallId] = key.split('/');
      if (!instanceId || !firewallId) return null;
      const view = await this.service.instanceFirewalls(ctx, instanceId);
      return view.find((f) => f.firewallId === firewallId) ?? null;
    });
  }

  @Query(() => FirewallConnection, {
    description: 'Firewalls of the account (25 at most), searchable, as a Relay connection.',
  })
  @RequireScopes('read')
  firewalls(@Context() ctx: GqlContext, @Args() args: FirewallsArgs): Promise<ConnectionShape<Firewall>> {
    return this.service.list(ctx, args);
  }

  @Query(() => Firewall, {
    nullable: true,
    description: 'One firewall by id; null when the account has no such firewall.',
  })
  @RequireScopes('read')
  firewall(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID, description: "The firewall's `id` (or its `barrackId`)." }) id: string,
  ): Promise<Firewall | null> {
    return this.service.find(ctx, id);
  }

  @Query(() => [FirewallAvailableInstance], {
    description:
      'Instances a firewall can be attached to now (ACTIVE, with a network port), optionally marked.',
  })
  @RequireScopes('read')
  firewallAvailableInstances(
    @Context() ctx: GqlContext,
    @Args() args: FirewallAvailableInstancesArgs,
  ): Promise<FirewallAvailableInstance[]> {
    return this.service.availableInstances(ctx, args);
  }

  @Query(() => [InstanceFirewall], {
    description:
      "Firewalls attached to one instance, as Barrack's per-instance endpoint reports them. In lists prefer Instance.firewalls (batched).",
  })
  @RequireScopes('read')
  instanceFirewalls(
    @Context() ctx: GqlContext,
    @Args('instanceId', { type: () => ID, description: "The instance's `id` (or its `barrackId`)." })
    instanceId: string,
  ): Promise<InstanceFirewall[]> {
    return this.service.instanceFirewalls(ctx, argumentKey(instanceId, 'Instance', 'instanceId'));
  }

  @Mutation(() => CreateFirewallPayload, {
    description: 'Creates a firewall (NAME_TAKEN for a used name; LIMIT_EXCEEDED beyond 25 per account).',
  })
  @RequireScopes('write')
  @MutationRules(createFirewallRules)
  createFirewall(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The new firewall.' }) input: CreateFirewallInput,
  ): Promise<CreateFirewallPayload> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => DeleteFirewallPayload, { description: 'Deletes a firewall (CONFLICT while attached).' })
  @RequireScopes('write')
  @MutationRules(deleteFirewallRules)
  deleteFirewall(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The firewall to delete.' }) input: DeleteFirewallInput,
  ): Promise<DeleteFirewallPayload> {
    return this.service.delete(ctx, input);
  }

  @Mutation(() => AddFirewallRulePayload, {
    description:
      'Adds a rule to a firewall. CIDR and ports are checked before Barrack is called (BAD_USER_INPUT).',
  })
  @RequireScopes('write')
  @MutationRules(addFirewallRuleRules)
  addFirewallRule(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The rule to add.' }) input: AddFirewallRuleInput,
  ): Promise<AddFirewallRulePayload> {
    return this.service.addRule(ctx, input);
  }

  @Mutation(() => RemoveFirewallRulePayload, { description: 'Removes a rule from a firewall.' })
  @RequireScopes('write')
  @MutationRules(removeFirewallRuleRules)
  removeFirewallRule(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The rule to remove.' }) input: RemoveFirewallRuleInput,
  ): Promise<RemoveFirewallRulePayload> {
    return this.service.removeRule(ctx, input);
  }

  @Mutation(() => AttachFirewallPayload, {
    description:
      'Attaches a firewall to instances (added to current attachments). Instances must be ACTIVE and in the firewall region (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(attachFirewallRules)
  attachFirewall(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'Firewall and instances.' }) input: AttachFirewallInput,
  ): Promise<AttachFirewallPayload> {
    return this.service.attach(ctx, input);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => [Instance], {
    description:
      'Attached instances as full objects (batched with every other instance lookup of the request).',
  })
  async instances(@Parent() firewall: Firewall, @Context() ctx: GqlContext): Promise<Instance[]> {
    const found = await Promise.all(
      firewall.attachments.map((a) => this.instanceService.load(a.instanceId, ctx)),
    );
    return found.filter((i): i is Instance => i !== null);
  }

  @UpstreamCost(0)
  @ResolveField(() => FirewallRuleConnection, { description: 'Rules, in Barrack order (no extra call).' })
  rules(@Parent() firewall: Firewall, @Args() page: ConnectionArgs): ConnectionShape<FirewallRule> {
    return connectionFromArray(firewall.rules, page, 'rules');
  }
}

@Resolver(() => FirewallAttachment)
export class FirewallAttachmentResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Instance, {
    nullable: true,
    description: 'The attached instance (batched with every other instance lookup; null once it is gone).',
  })
  instance(@Parent() a: FirewallAttachment, @Context() ctx: GqlContext): Promise<Instance | null> {
    return this.instances.load(a.instanceId, ctx);
  }
}

@Resolver(() => Instance)
export class InstanceFirewallsResolver implements OnModuleInit {
  constructor(
    private readonly service: FirewallsService,
    private readonly prefetch: FieldPrefetch,
  ) {}

  onModuleInit(): void {
    this.prefetch.register('Instance', 'firewalls', (ctx) => this.service.byInstance(ctx));
  }

  @UpstreamCost({ shared: 'firewalls' })
  @ResolveField(() => [Firewall], {
    description:
      'Firewalls attached to this instance. One firewall list call per request, whatever the number of instances.',
  })
  @DirectFieldResolver()
  firewalls(
    @Parent() instance: Instance,
    _args: unknown,
    @Context() ctx: GqlContext,
  ): MaybePromise<Firewall[]> {
    return this.service.ofInstance(ctx, instance.barrackId);
  }
}

@Resolver(() => InstanceFirewall)
export class InstanceFirewallResolver {
  constructor(private readonly firewalls: FirewallsService) {}

  @UpstreamCost({ shared: 'firewalls' })
  @ResolveField(() => Firewall, {
    nullable: true,
    description: 'The full firewall (from the account firewall list, read once per request).',
  })
  async firewall(@Parent() f: InstanceFirewall, @Context() ctx: GqlContext): Promise<Firewall | null> {
    return (await this.firewalls.all(ctx)).find((fw) => fw.barrackId === f.firewallId) ?? null;
  }
}

/** The payloads' `firewall` fields read the firewall again, so clients see its state after the mutation. */
@Resolver(() => AddFirewallRulePayload)
export class AddFirewallRulePayloadResolver {
  constructor(private readonly firewalls: FirewallsService) {}

  @UpstreamCost(1)
  @ResolveField(() => Firewall, {
    nullable: true,
    description: 'The firewall in its new state (read again from Barrack); null when refused.',
  })
  firewall(@Parent() p: AddFirewallRulePayload, @Context() ctx: GqlContext): Promise<Firewall | null> {
    return p.firewallId ? this.firewalls.get(ctx, p.firewallId) : Promise.resolve(null);
  }
}

@Resolver(() => RemoveFirewallRulePayload)
export class RemoveFirewallRulePayloadResolver {
  constructor(private readonly firewalls: FirewallsService) {}

  @UpstreamCost(1)
  @ResolveField(() => Firewall, {
    nullable: true,
    description: 'The firewall in its new state (read again from Barrack); null when refused.',
  })
  firewall(@Parent() p: RemoveFirewallRulePayload, @Context() ctx: GqlContext): Promise<Firewall | null> {
    return p.firewallId ? this.firewalls.get(ctx, p.firewallId) : Promise.resolve(null);
  }
}

@Resolver(() => AttachFirewallPayload)
export class AttachFirewallPayloadResolver {
  constructor(private readonly firewalls: FirewallsService) {}

  @UpstreamCost(1)
  @ResolveField(() => Firewall, {
    nullable: true,
    description: 'The firewall in its new state (read again from Barrack); null when refused.',
  })
  firewall(@Parent() p: AttachFirewallPayload, @Context() ctx: GqlContext): Promise<Firewall | null> {
    return p.firewallId ? this.firewalls.get(ctx, p.firewallId) : Promise.resolve(null);
  }
}
