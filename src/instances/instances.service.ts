import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InstancesApi, type InstanceAction, type InstanceListFilter } from '../barrack/api/instances.api';
import {
  toHibernatedCount,
  toInstance,
  toInstanceAction,
  toInstanceBillingHistory,
  toSecurityRule,
  removedRuleIdOf,
  toDeploymentRequest,
  toSnapshotEligibleInstances,
  toTogglePublicIp,
  toWireSecurityRule,
} from './instance.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import { CacheService } from '../cache/cache.service';
import { LiveBus } from '../live/live-bus';
import type { GqlContext } from '../common/context/gql-context';
import { exactName } from '../common/graphql/list-helpers';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { lookupKey } from '../common/graphql/node';
import { PerRequestCollection, filterOrNone } from '../common/graphql/per-request-collection';
import { GatewayError } from '../common/errors/gateway-error';
import { REGIONS, VM_STATUSES } from '../common/graphql/barrack-enums';
import type {
  AddInstanceSecurityRuleInput,
  CreateInstanceInput,
  InstanceActionInput,
  InstancesArgs,
  RemoveInstanceSecurityRuleInput,
} from './dto/instance.inputs';
import type { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { keyOf } from '../common/graphql/input-check';
import { barrackKeyOf } from '../common/graphql/global-id';
import { billingWindow } from '../common/validation/input-rules';
import type { Instance } from './models/instance.model';
import type { InstanceBillingHistory } from './models/instance-billing-history.model';
import type {
  AddInstanceSecurityRulePayload,
  CreateInstancePayload,
  HibernatedInstancesCount,
  InstanceActionPayload,
  RemoveInstanceSecurityRulePayload,
  SnapshotEligibleInstance,
  ToggleInstancePublicIpPayload,
} from './models/instance-payloads.model';

/** Actions after which the account holds GPUs differently, so cached stock is stale. */
const STOCK_CHANGING_ACTIONS: ReadonlySet<InstanceAction> = new Set(['hibernate', 'restore']);

/**
 * Instances: reads (with a per-request DataLoader every graph edge shares), lifecycle mutations and
 * the input checks that spare Barrack a call.
 */
@Injectable()
export class InstancesService {
  private readonly log = new Logger(InstancesService.name);

  constructor(
    private readonly api: InstancesApi,
    private readonly upstream: UpstreamContextFactory,
    @Optional() private readonly cache?: CacheService,
    @Optional() @Inject(LiveBus) private readonly live?: Pick<LiveBus, 'watched' | 'publish'>,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /**
   * The account's instances as this request sees them: the list (pages of 100) is read at most once and shared
   * by all edges; one id alone is one GET, several ids are one listing.
   */
  private readonly collection = new PerRequestCollection<Instance, InstanceListFilter>('instances', {
    listAll: async (ctx, filter = {}) =>
      (await this.api.listAll(filter, this.upstream.for(ctx))).map(toInstance),
    getOne: async (id, ctx) => toInstance((await this.api.get(id, this.upstream.for(ctx))).data),
  });

  allInstances(ctx: GqlContext): Promise<Instance[]> {
    return this.collection.all(ctx);
  }

  /** For graph edges: null when the instance no longer exists. */
  /** The instance with exactly this name, read from Barrack now, past any per-request list (idempotency reconciles with it). */
  async findByName(name: string, ctx: GqlContext): Promise<Instance | null> {
    return exactName(
      (await this.api.listAll({ search: name }, this.upstream.for(ctx))).map(toInstance),
      name,
    );
  }

  load(id: string, ctx: GqlContext): Promise<Instance | null> {
    return this.collection.load(id, ctx);
  }

  /** A read after a mutation in this request: never served from what the request saw before it. */
  loadFresh(id: string, ctx: GqlContext): Promise<Instance | null> {
    this.collection.forget(ctx);
    return this.collection.load(id, ctx);
  }

  /**
   * `instance(id:)`: null for an id that names no instance of this account (unknown, deleted, another
   * tenant's, another type's, or malformed: the last two without a Barrack call).
   */
  async find(id: string, ctx: GqlContext): Promise<Instance | null> {
    const key = lookupKey(id, 'Instance');
    return key === null ? null : this.load(key, ctx);
  }

  /** Refuses arguments list() would refuse, before anything is read (the resolver checks them first). */
  assertListArgs(args: InstancesArgs): void {
    assertConnectionArgs(args, 'instances');
    if (args.search !== undefined && args.search.length > 100) {
      throw new GatewayError('BAD_USER_INPUT', 'search must be at most 100 characters', { field: 'search' });
    }
  }

  async list(args: InstancesArgs, ctx: GqlContext): Promise<ConnectionShape<Instance>> {
    this.assertListArgs(args);
    const all = await this.collection.matching(
      ctx,
      filterOrNone({
        region: args.region ? REGIONS.toWire(args.region) : undefined,
        status: args.status ? VM_STATUSES.toWire(args.status) : undefined,
        search: args.search || undefined,
      }),
    );
    const sorted = sortInstances(
      all,
      args.orderBy?.field ?? 'CREATED_AT',
      args.orderBy?.direction ?? (args.orderBy ? 'ASC' : 'DESC'),
    );
    return connectionFromArray(sorted, args, 'instances');
  }

  async billingHistory(
    id: string,
    window: BillingWindowArgs,
    ctx: GqlContext,
  ): Promise<InstanceBillingHistory> {
    const res = await this.api.billing(id, billingWindow(window.start, window.end), this.upstream.for(ctx));
    return toInstanceBillingHistory(res.data);
  }

  async hibernatedCount(ctx: GqlContext): Promise<HibernatedInstancesCount> {
    return toHibernatedCount((await this.api.hibernatedCount(this.upstream.for(ctx))).data);
  }

  async snapshotEligible(region: string | undefined, ctx: GqlContext): Promise<SnapshotEligibleInstance[]> {
    const res = await this.api.snapshotEligible(
      region ? REGIONS.toWire(region) : undefined,
      this.upstream.for(ctx),
    );
    return toSnapshotEligibleInstances(res.data);
  }

  // ---- mutations -----------------------------------------------------------------------------------

  /**
   * Deploys, then reads the instance back: Barrack's deploy answer leaves out the image, SSH key, boot source and
   * labels, and a payload must never tell a client cache something a later read contradicts. If the read-back
   * fails the deploy still succeeded, so the answer is the deploy answer completed with what was sent.
   */
  async create(input: CreateInstanceInput, ctx: GqlContext): Promise<CreateInstancePayload> {
    const res = await this.api.create(toDeploymentRequest(input), this.upstream.for(ctx));
    await this.stockChanged(ctx);
    const created = toInstance(res.data);
    const fresh = await this.loadFresh(created.barrackId, ctx).catch((e: unknown) => {
      this.log.warn({ msg: `read-back after createInstance failed: ${String(e)}`, requestId: ctx.requestId });
      return null;
    });
    const instance = fresh ?? withSent(created, input);
    this.announce(instance.id, ctx, instance);
    return { instance, requestId: res.requestId ?? null };
  }

  async delete(input: InstanceActionInput, ctx: GqlContext): Promise<InstanceActionPayload> {
    const res = await this.api.delete(keyOf(input.id, 'Instance'), this.upstream.for(ctx));
    await this.stockChanged(ctx);
    this.announce(input.id, ctx);
    return toInstanceAction(res.data, res.requestId);
  }

  async act(
    action: InstanceAction,
    input: InstanceActionInput,
    ctx: GqlContext,
  ): Promise<InstanceActionPayload> {
    const res = await this.api.action(action, keyOf(input.id, 'Instance'), this.upstream.for(ctx));
    if (STOCK_CHANGING_ACTIONS.has(action)) await this.stockChanged(ctx);
    this.announce(input.id, ctx);
    return toInstanceAction(res.data, res.requestId);
  }

  async togglePublicIp(input: InstanceActionInput, ctx: GqlContext): Promise<ToggleInstancePublicIpPayload> {
    const res = await this.api.togglePublicIp(keyOf(input.id, 'Instance'), this.upstream.for(ctx));
    return toTogglePublicIp(res.data, res.requestId);
  }

  async addSecurityRule(
    input: AddInstanceSecurityRuleInput,
    ctx: GqlContext,
  ): Promise<AddInstanceSecurityRulePayload> {
    const instanceId = keyOf(input.instanceId, 'Instance', 'instanceId');
    const res = await this.api.addSecurityRule(instanceId, toWireSecurityRule(input), this.upstream.for(ctx));
    return { instanceId, securityRule: toSecurityRule(res.data), requestId: res.requestId ?? null };
  }

  async removeSecurityRule(
    input: RemoveInstanceSecurityRuleInput,
    ctx: GqlContext,
  ): Promise<RemoveInstanceSecurityRulePayload> {
    const instanceId = keyOf(input.instanceId, 'Instance', 'instanceId');
    const ruleId = keyOf(input.ruleId, 'SecurityRule', 'ruleId');
    const res = await this.api.removeSecurityRule(instanceId, ruleId, this.upstream.for(ctx));
    return {
      instanceId,
      removedRuleId: removedRuleIdOf(res.data, ruleId),
      requestId: res.requestId ?? null,
    };
  }

  /**
   * Publishes the instance's state right after a mutation, to subscribers on every replica (LiveBus), without
   * delaying the mutation's answer. Only when someone watches it (a poll lease exists, or a local feed in the
   * embedded default): then it costs one GET (the action answers carry no full instance); a gone instance
   * publishes null, which ends the streams. Failures only delay the update to the next poll.
   */
  /** Publishes the instance's new state to its live subscribers; `idArg` is its global id or its Barrack id. */
  private announce(idArg: string, ctx: GqlContext, known?: Instance): void {
    const live = this.live;
    const tenantId = ctx.principal?.tenantId;
    if (!live || !tenantId) return;
    // The live bus keys instances by Barrack's id, as subscriptions do (instanceUpdated decodes its argument).
    const id = barrackKeyOf(idArg, 'Instance');
    if (id === null) return;
    void (async () => {
      if (!(await live.watched(tenantId, id))) return;
      let state: Instance | null = known ?? null;
      if (!known) {
        try {
          state = toInstance((await this.api.get(id, this.upstream.for(ctx))).data);
        } catch (e) {
          if (!(e instanceof GatewayError && e.code === 'NOT_FOUND')) throw e;
        }
      }
      await live.publish(tenantId, id, state);
    })().catch((e: unknown) =>
      this.log.debug({
        msg: `live update of ${id} not published: ${e instanceof Error ? e.message : String(e)}`,
        requestId: ctx.requestId,
      }),
    );
  }

  /**
   * Stock is shared by all tenants: what this account just took or gave back changes it for everyone.
   * `ctx`: the mutation's (its Redis budget bounds the invalidation; its id goes on the log line).
   */
  async stockChanged(ctx: GqlContext): Promise<void> {
    if (!this.cache) return;
    const r = await this.cache.invalidate('gpuStock', 'all', ctx);
    if (!r.complete)
      this.log.warn({ msg: 'gpuStock invalidation did not reach the cache store', requestId: ctx.requestId });
  }
}

export function sortInstances(
  list: Instance[],
  field: 'NAME' | 'CREATED_AT',
  direction: 'ASC' | 'DESC',
): Instance[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const byId = (a: Instance, b: Instance) =>
    a.barrackId < b.barrackId ? -1 : a.barrackId > b.barrackId ? 1 : 0;
  return [...list].sort((a, b) => {
    const primary =
      field === 'NAME' ? a.name.localeCompare(b.name, 'en') : a.createdAt.getTime() - b.createdAt.getTime();
    return primary !== 0 ? sign * primary : byId(a, b);
  });
}

/** The deploy answer completed with what was sent (only used when the read-back failed). */
function withSent(created: Instance, input: CreateInstanceInput): Instance {
  return {
    ...created,
    imageName: created.imageName ?? input.imageName ?? null,
    sshKeyName: created.sshKeyName ?? input.sshKeyName,
    labels: created.labels.length ? created.labels : (input.labels ?? []),
  };
}
