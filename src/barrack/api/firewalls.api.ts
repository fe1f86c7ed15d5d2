import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';
import { collectPages } from './paged-list';

type S = components['schemas'];

export interface FirewallListQuery {
  page?: number;
  page_size?: number;
  search?: string;
  region?: S['RegionEnum'];
}

export interface FirewallList {
  firewalls: S['FirewallResponse'][];
  pagination: S['Pagination'];
}

/** Barrack's Firewalls group (the protocol list is read through CatalogApi, where it is cached). */
@Injectable()
export class FirewallsApi {
  constructor(private readonly http: BarrackHttpClient) {}

  list(ctx: UpstreamContext, query: FirewallListQuery = {}): Promise<BarrackResult<FirewallList>> {
    return this.http.request(
      { method: 'GET', path: '/firewalls/', query: { ...query }, operationId: 'listFirewalls' },
      ctx,
    );
  }

  /** Every firewall of the account (25 at most, so one page in practice). */
  listAll(ctx: UpstreamContext): Promise<S['FirewallResponse'][]> {
    return collectPages(
      (page, size) => this.list(ctx, { page, page_size: size }),
      (d) => d.firewalls,
    );
  }

  get(ctx: UpstreamContext, firewallId: string): Promise<BarrackResult<S['FirewallResponse']>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/firewalls/{firewall_id}/',
        pathParams: { firewall_id: firewallId },
        operationId: 'getFirewall',
      },
      ctx,
    );
  }

  create(
    ctx: UpstreamContext,
    body: S['CreateFirewallRequest'],
  ): Promise<BarrackResult<S['FirewallResponse']>> {
    return this.http.request(
      { method: 'POST', path: '/firewalls/', body, operationId: 'createFirewall' },
      ctx,
    );
  }

  delete(ctx: UpstreamContext, firewallId: string): Promise<BarrackResult<{ firewall_id: string }>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/firewalls/{firewall_id}/',
        pathParams: { firewall_id: firewallId },
        operationId: 'deleteFirewall',
      },
      ctx,
    );
  }

  availableInstances(
    ctx: UpstreamContext,
    query: { region?: S['RegionEnum']; firewall_id?: string } = {},
  ): Promise<BarrackResult<{ instances: S['FirewallVM'][] }>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/firewalls/available-instances/',
        query: { ...query },
        operationId: 'listFirewallAvailableInstances',
      },
      ctx,
    );
  }

  addRule(
    ctx: UpstreamContext,
    firewallId: string,
    body: S['AddFirewallRuleRequest'],
  ): Promise<BarrackResult<S['FirewallRule']>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/firewalls/{firewall_id}/rules/',
        pathParams: { firewall_id: firewallId },
        body,
        operationId: 'addFirewallRule',
      },
      ctx,
    );
  }

  removeRule(
    ctx: UpstreamContext,
    firewallId: string,
    ruleId: string,
  ): Promise<BarrackResult<{ firewall_id: string; rule_id: string }>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/firewalls/{firewall_id}/rules/{rule_id}/',
        pathParams: { firewall_id: firewallId, rule_id: ruleId },
        operationId: 'removeFirewallRule',
      },
      ctx,
    );
  }

  attach(
    ctx: UpstreamContext,
    firewallId: string,
    body: S['AttachFirewallRequest'],
  ): Promise<BarrackResult<S['AttachFirewallResult']>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/firewalls/{firewall_id}/attach/',
        pathParams: { firewall_id: firewallId },
        body,
        operationId: 'attachFirewall',
      },
      ctx,
    );
  }

  /** Barrack's per-instance view. The Instance.firewalls edge does NOT use it (it groups one list call). */
  ofInstance(
    ctx: UpstreamContext,
    instanceId: string,
  ): Promise<BarrackResult<{ firewalls: S['AttachedFirewall'][] }>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/instances/{instance_id}/firewalls/',
        pathParams: { instance_id: instanceId },
        operationId: 'listInstanceFirewalls',
      },
      ctx,
    );
  }
}
