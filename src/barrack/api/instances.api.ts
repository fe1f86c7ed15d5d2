import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';
import { collectPages } from './paged-list';

type S = components['schemas'];
export type WireInstance = S['VMInstance'];
export type WireDeployment = S['VMResponse'];
export type WireVmAction = S['VMActionResult'];
export type WireTogglePublicIp = S['TogglePublicIpResult'];
export type WireHibernatedCount = S['HibernatedCount'];
export type WireSecurityRule = S['VMSecurityRule'];
export type WireSecurityRuleRequest = S['VMSecurityRuleRequest'];
export type WireInstanceBilling = S['AggregatedBillingResponse'];
export type WireSnapshotEligible = S['SnapshotEligibleInstance'];
export type WireDeploymentRequest = S['DeploymentRequest'];
export type WireInstanceList = S['ListVMsResponse']['data'];

export interface InstanceListFilter {
  region?: S['RegionEnum'];
  status?: S['VMStatus'];
  search?: string;
}

/** Lifecycle actions that share one shape: POST /instances/{id}/<action>/ with no body. */
export const INSTANCE_ACTIONS = {
  start: 'startInstance',
  stop: 'stopInstance',
  reboot: 'rebootInstance',
  hibernate: 'hibernateInstance',
  restore: 'restoreInstance',
} as const;
export type InstanceAction = keyof typeof INSTANCE_ACTIONS;

/** Barrack's Instances and Deploy groups, one method per operation of the contract. */
@Injectable()
export class InstancesApi {
  constructor(private readonly http: BarrackHttpClient) {}

  create(body: WireDeploymentRequest, ctx: UpstreamContext): Promise<BarrackResult<WireDeployment>> {
    return this.http.request(
      { method: 'POST', path: '/instances/', body, operationId: 'createInstance' },
      ctx,
    );
  }

  listPage(
    filter: InstanceListFilter,
    page: number,
    pageSize: number,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireInstanceList>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/instances/',
        query: {
          page,
          page_size: pageSize,
          region: filter.region,
          status: filter.status,
          search: filter.search,
        },
        operationId: 'listInstances',
      },
      ctx,
    );
  }

  /** Every instance matching the filter (all pages). */
  listAll(filter: InstanceListFilter, ctx: UpstreamContext): Promise<WireInstance[]> {
    return collectPages(
      (page, size) => this.listPage(filter, page, size, ctx),
      (d) => d.instances,
    );
  }

  get(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireInstance>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/instances/{instance_id}/',
        pathParams: { instance_id: id },
        operationId: 'getInstance',
      },
      ctx,
    );
  }

  delete(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireVmAction>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/instances/{instance_id}/',
        pathParams: { instance_id: id },
        operationId: 'deleteInstance',
      },
      ctx,
    );
  }

  billing(
    id: string,
    window: { start?: string; end?: string },
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireInstanceBilling>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/instances/{instance_id}/billing/',
        pathParams: { instance_id: id },
        query: { start_date: window.start, end_date: window.end },
        operationId: 'getInstanceBilling',
      },
      ctx,
    );
  }

  action(action: InstanceAction, id: string, ctx: UpstreamContext): Promise<BarrackResult<WireVmAction>> {
    return this.http.request(
      {
        method: 'POST',
        path: `/instances/{instance_id}/${action}/`,
        pathParams: { instance_id: id },
        operationId: INSTANCE_ACTIONS[action],
      },
      ctx,
    );
  }

  togglePublicIp(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireTogglePublicIp>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/instances/{instance_id}/toggle-public-ip/',
        pathParams: { instance_id: id },
        operationId: 'toggleInstancePublicIp',
      },
      ctx,
    );
  }

  hibernatedCount(ctx: UpstreamContext): Promise<BarrackResult<WireHibernatedCount>> {
    return this.http.request(
      { method: 'GET', path: '/instances/hibernated/count/', operationId: 'getHibernatedInstancesCount' },
      ctx,
    );
  }

  addSecurityRule(
    id: string,
    body: WireSecurityRuleRequest,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireSecurityRule>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/instances/{instance_id}/security-rules/',
        pathParams: { instance_id: id },
        body,
        operationId: 'addInstanceSecurityRule',
      },
      ctx,
    );
  }

  removeSecurityRule(
    id: string,
    ruleId: string,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<S['RemoveVMSecurityRuleResponse']['data']>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/instances/{instance_id}/security-rules/{rule_id}/',
        pathParams: { instance_id: id, rule_id: ruleId },
        operationId: 'removeInstanceSecurityRule',
      },
      ctx,
    );
  }

  snapshotEligible(
    region: S['RegionEnum'] | undefined,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<S['ListUserVMsResponse']['data']>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/snapshots/eligible-instances/',
        query: { region },
        operationId: 'listSnapshotEligibleInstances',
      },
      ctx,
    );
  }
}
