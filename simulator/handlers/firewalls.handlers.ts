import type { components } from '../../src/barrack/contract/barrack-api.types';
import { SimError, nameTaken, notFound } from '../sim-error';
import type { SimFirewall } from '../sim-state';
import { firewallView, ruleView } from '../sim-views';
import {
  bodyOf,
  findInstance,
  paginate,
  param,
  qStr,
  requireState,
  type HandlerContext,
  type HandlerTable,
} from './handler';
import { buildRule } from './rules';

type S = components['schemas'];

/** [doc] security/firewall-management. */
export const MAX_FIREWALLS = 25;

function findFirewall(ctx: HandlerContext, id: string): SimFirewall {
  const f = ctx.account.firewalls.get(id);
  if (!f) throw notFound('firewall', id);
  return f;
}

export const firewallHandlers: HandlerTable = {
  listFirewalls: (ctx) => {
    const region = qStr(ctx, 'region');
    const all = [...ctx.account.firewalls.values()].filter((f) => !region || f.region === region);
    const page = paginate(ctx, all, (f) => [f.name, f.id]);
    return {
      message: 'Firewalls retrieved successfully',
      data: {
        firewalls: page.items.map((f) => firewallView(ctx.sim, ctx.account, f)),
        pagination: page.pagination,
      },
    };
  },

  createFirewall: (ctx) => {
    const body = bodyOf<S['CreateFirewallRequest']>(ctx);
    const all = [...ctx.account.firewalls.values()];
    if (all.some((f) => f.name === body.name)) throw nameTaken('firewall', body.name);
    if (all.length >= MAX_FIREWALLS) {
      throw new SimError(409, 'LIMIT_EXCEEDED', `An account can have at most ${MAX_FIREWALLS} firewalls`, {
        limit: MAX_FIREWALLS,
        current: all.length,
      });
    }
    const f: SimFirewall = {
      id: ctx.sim.nextId('F'),
      name: body.name,
      description: body.description ?? null,
      region: body.region,
      rules: [],
      attached: [],
      createdAt: ctx.sim.clock.nowMs(),
    };
    ctx.account.firewalls.set(f.id, f);
    return { status: 201, message: 'Firewall created', data: firewallView(ctx.sim, ctx.account, f) };
  },

  getFirewall: (ctx) => ({
    message: 'Firewall retrieved successfully',
    data: firewallView(ctx.sim, ctx.account, findFirewall(ctx, param(ctx, 'firewall_id'))),
  }),

  deleteFirewall: (ctx) => {
    const f = findFirewall(ctx, param(ctx, 'firewall_id'));
    const live = f.attached.filter((id) => ctx.account.instances.get(id)?.deletedAt === null);
    if (live.length > 0) {
      throw new SimError(409, 'RESOURCE_IN_USE', 'The firewall is attached to instances', {
        attached_instances: live,
      });
    }
    ctx.account.firewalls.delete(f.id);
    return { message: 'Firewall deleted', data: { firewall_id: f.id } };
  },

  listFirewallAvailableInstances: (ctx) => {
    const region = qStr(ctx, 'region');
    const fwId = qStr(ctx, 'firewall_id');
    const fw = fwId ? findFirewall(ctx, fwId) : undefined;
    const instances: S['FirewallVM'][] = ctx.sim
      .liveInstances(ctx.account)
      .filter(
        (i) => i.status === 'ACTIVE' && (!region || i.region === region) && (!fw || i.region === fw.region),
      )
      .map((i) => ({
        instance_id: i.id,
        name: i.name,
        region: i.region,
        status: i.status,
        already_attached: fw ? fw.attached.includes(i.id) : false,
      }));
    return { message: 'Instances retrieved successfully', data: { instances } };
  },

  addFirewallRule: (ctx) => {
    const f = findFirewall(ctx, param(ctx, 'firewall_id'));
    const rule = buildRule(ctx.sim, bodyOf<S['AddFirewallRuleRequest']>(ctx));
    f.rules.push(rule);
    return { status: 201, message: 'Firewall rule added', data: ruleView(rule) };
  },

  removeFirewallRule: (ctx) => {
    const f = findFirewall(ctx, param(ctx, 'firewall_id'));
    const ruleId = param(ctx, 'rule_id');
    const idx = f.rules.findIndex((r) => r.id === ruleId);
    if (idx < 0) throw notFound('rule', ruleId);
    f.rules.splice(idx, 1);
    return { message: 'Firewall rule removed', data: { firewall_id: f.id, rule_id: ruleId } };
  },

  attachFirewall: (ctx) => {
    const f = findFirewall(ctx, param(ctx, 'firewall_id'));
    const { instance_ids } = bodyOf<S['AttachFirewallRequest']>(ctx);
    const insts = instance_ids.map((id) => findInstance(ctx, id));
    for (const inst of insts) {
      requireState(inst, ['ACTIVE'], 'attach a firewall to');
      if (inst.region !== f.region) {
        throw new SimError(400, 'REGION_MISMATCH', `Instance ${inst.id} is not in ${f.region}`, {
          instance_id: inst.id,
          instance_region: inst.region,
          firewall_region: f.region,
        });
      }
    }
    // The contract's decision: the list ADDS attachments (HS update-attachments would replace the set).
    for (const inst of insts) if (!f.attached.includes(inst.id)) f.attached.push(inst.id);
    const view = firewallView(ctx.sim, ctx.account, f);
    return {
      message: 'Firewall attached',
      data: { firewall_id: f.id, attached_instances: view.attached_instances ?? [] },
    };
  },
};
