import { Injectable } from '@nestjs/common';
import { FirewallsApi } from '../barrack/api/firewalls.api';
import {
  attachedInstanceIdsOf,
  firewallsByInstance,
  toAttachFirewallRequest,
  toAvailableInstancesQuery,
  toCreateFirewallRequest,
  toDeleteFirewallPayload,
  toFirewall,
  toFirewallAvailableInstances,
  toFirewallList,
  toFirewallListQuery,
  toFirewallRule,
  toFirewallRuleRequest,
  toInstanceFirewalls,
} from './firewall.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import {
  memoize,
  memoizeLoad,
  thenOrNow,
  type GqlContext,
  type MaybePromise,
} from '../common/context/gql-context';
import { GatewayError, isNoSuchObject } from '../common/errors/gateway-error';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { lookupKey } from '../common/graphql/node';
import { keyOf } from '../common/graphql/input-check';
import { toGlobalId } from '../common/graphql/global-id';
import type {
  AddFirewallRuleInput,
  AttachFirewallInput,
  CreateFirewallInput,
  DeleteFirewallInput,
  FirewallAvailableInstancesArgs,
  FirewallsArgs,
  RemoveFirewallRuleInput,
} from './dto/firewall.inputs';
import type {
  AddFirewallRulePayload,
  AttachFirewallPayload,
  CreateFirewallPayload,
  DeleteFirewallPayload,
  RemoveFirewallRulePayload,
} from './models/firewall-payloads.model';
import type { Firewall, FirewallAvailableInstance, InstanceFirewall } from './models/firewall.model';

const ALL_KEY = 'firewalls.all';
const BY_INSTANCE_KEY = 'firewalls.byInstance';

/**
 * Firewalls: reads, rule and attachment mutations, and the Instance.firewalls edge. That edge reads the
 * account's firewall list ONCE per request (each firewall lists its attached instances) and groups it by
 * instance, instead of one /instances/{id}/firewalls/ call per instance.
 */
@Injectable()
export class FirewallsService {
  constructor(
    private readonly api: FirewallsApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  /** Every firewall of the account, read once per request. */
  all(ctx: GqlContext): Promise<Firewall[]> {
    return memoize(ctx, ALL_KEY, async () =>
      (await this.api.listAll(this.upstream.for(ctx))).map(toFirewall),
    );
  }

  /** The request's firewalls by attached instance (one list call; the map itself once loaded). */
  byInstance(ctx: GqlContext): MaybePromise<Map<string, Firewall[]>> {
    return memoizeLoad(ctx, BY_INSTANCE_KEY, async () => firewallsByInstance(await this.all(ctx)));
  }

  /** Instance.firewalls: N instances cost one list call. */
  ofInstance(ctx: GqlContext, instanceId: string): MaybePromise<Firewall[]> {
    return thenOrNow(this.byInstance(ctx), (grouped) => grouped.get(instanceId) ?? []);
  }

  /**
   * `firewalls`: Barrack filters (search, region) and returns the whole filtered list in one page (an account
   * has at most 25 firewalls; a page of 100 holds them), which the gateway pages as a connection.
   */
  async list(ctx: GqlContext, args: FirewallsArgs): Promise<ConnectionShape<Firewall>> {
    assertConnectionArgs(args, 'firewalls');
    const search = args.search?.trim();
    if (search && search.length > 100) {
      throw new GatewayError('BAD_USER_INPUT', 'search must be at most 100 characters', { field: 'search' });
    }
    const res = await this.api.list(this.upstream.for(ctx), toFirewallListQuery(args, search));
    return connectionFromArray(toFirewallList(res.data), args, 'firewalls');
  }

  async get(ctx: GqlContext, id: string): Promise<Firewall> {
    return toFirewall((await this.api.get(this.upstream.for(ctx), id)).data);
  }

  /** `firewall(id:)` and node(id): null for an id that names no firewall of this account. */
  async find(ctx: GqlContext, id: string): Promise<Firewall | null> {
    const key = lookupKey(id, 'Firewall');
    if (key === null) return null;
    try {
      return await this.get(ctx, key);
    } catch (e) {
      if (isNoSuchObject(e)) return null;
      throw e;
    }
  }

  async availableInstances(
    ctx: GqlContext,
    args: FirewallAvailableInstancesArgs,
  ): Promise<FirewallAvailableInstance[]> {
    const res = await this.api.availableInstances(this.upstream.for(ctx), toAvailableInstancesQuery(args));
    return toFirewallAvailableInstances(res.data);
  }

  /** Barrack's own per-instance view (root query instanceFirewalls); edges use ofInstance instead. */
  async instanceFirewalls(ctx: GqlContext, instanceId: string): Promise<InstanceFirewall[]> {
    const res = await this.api.ofInstance(this.upstream.for(ctx), instanceId);
    return toInstanceFirewalls(instanceId, res.data);
  }

  async create(ctx: GqlContext, input: CreateFirewallInput): Promise<CreateFirewallPayload> {
    const res = await this.api.create(this.upstream.for(ctx), toCreateFirewallRequest(input));
    this.forget(ctx);
    return { firewall: toFirewall(res.data), requestId: res.requestId ?? null };
  }

  async delete(ctx: GqlContext, input: DeleteFirewallInput): Promise<DeleteFirewallPayload> {
    const id = keyOf(input.id, 'Firewall');
    const res = await this.api.delete(this.upstream.for(ctx), id);
    this.forget(ctx);
    return toDeleteFirewallPayload(res.data, id, res.requestId);
  }

  async addRule(ctx: GqlContext, input: AddFirewallRuleInput): Promise<AddFirewallRulePayload> {
    const firewallId = keyOf(input.firewallId, 'Firewall', 'firewallId');
    const res = await this.api.addRule(this.upstream.for(ctx), firewallId, toFirewallRuleRequest(input));
    this.forget(ctx);
    return { rule: toFirewallRule(res.data), firewallId, requestId: res.requestId ?? null };
  }

  async removeRule(ctx: GqlContext, input: RemoveFirewallRuleInput): Promise<RemoveFirewallRulePayload> {
    const firewallId = keyOf(input.firewallId, 'Firewall', 'firewallId');
    const ruleId = keyOf(input.ruleId, 'FirewallRule', 'ruleId');
    const res = await this.api.removeRule(this.upstream.for(ctx), firewallId, ruleId);
    this.forget(ctx);
    return {
      removedRuleId: toGlobalId('FirewallRule', ruleId),
      firewallId,
      requestId: res.requestId ?? null,
    };
  }

  async attach(ctx: GqlContext, input: AttachFirewallInput): Promise<AttachFirewallPayload> {
    const firewallId = keyOf(input.firewallId, 'Firewall', 'firewallId');
    const ids = [...new Set(input.instanceIds.map((id) => keyOf(id, 'Instance', 'instanceIds')))];
    const res = await this.api.attach(this.upstream.for(ctx), firewallId, toAttachFirewallRequest(ids));
    this.forget(ctx);
    return {
      firewallId,
      attachedInstanceIds: attachedInstanceIdsOf(res.data),
      requestId: res.requestId ?? null,
    };
  }

  /** After a mutation, later reads in the same request must not see the list read before it. */
  private forget(ctx: GqlContext): void {
    ctx.memo.delete(ALL_KEY);
    ctx.memo.delete(BY_INSTANCE_KEY);
  }
}
