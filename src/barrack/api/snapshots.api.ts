import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';
import { collectPages } from './paged-list';

type S = components['schemas'];
export type WireSnapshot = S['Snapshot'];
export type WireCreateSnapshotRequest = S['CreateSnapshotRequest'];
export type WireRestoredInstance = S['RestoredInstance'];
export type WireRestoreSnapshotRequest = S['RestoreSnapshotRequest'];
export type WireDeletedSnapshot = S['DeleteSnapshotResponse']['data'];
export type WireSnapshotRef = S['SnapshotRef'];
export type WireSnapshotBilling = S['SnapshotBillingResponse']['data'];
export type WireSnapshotList = S['ListSnapshotsResponse']['data'];

export interface SnapshotListFilter {
  region?: S['RegionEnum'];
  status?: S['SnapshotStatusEnum'];
  search?: string;
}

/** Barrack's Snapshots group (eligible instances live in InstancesApi: they are instances). */
@Injectable()
export class SnapshotsApi {
  constructor(private readonly http: BarrackHttpClient) {}

  create(body: WireCreateSnapshotRequest, ctx: UpstreamContext): Promise<BarrackResult<WireSnapshot>> {
    return this.http.request(
      { method: 'POST', path: '/snapshots/', body, operationId: 'createSnapshot' },
      ctx,
    );
  }

  listPage(
    filter: SnapshotListFilter,
    page: number,
    pageSize: number,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireSnapshotList>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/snapshots/',
        query: {
          page,
          page_size: pageSize,
          region: filter.region,
          status: filter.status,
          search: filter.search,
        },
        operationId: 'listSnapshots',
      },
      ctx,
    );
  }

  listAll(filter: SnapshotListFilter, ctx: UpstreamContext): Promise<WireSnapshot[]> {
    return collectPages(
      (page, size) => this.listPage(filter, page, size, ctx),
      (d) => d.snapshots,
    );
  }

  get(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireSnapshot>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/snapshots/{snapshot_id}/',
        pathParams: { snapshot_id: id },
        operationId: 'getSnapshot',
      },
      ctx,
    );
  }

  delete(id: string, ctx: UpstreamContext): Promise<BarrackResult<S['DeleteSnapshotResponse']['data']>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/snapshots/{snapshot_id}/',
        pathParams: { snapshot_id: id },
        operationId: 'deleteSnapshot',
      },
      ctx,
    );
  }

  /** The seed operation. The source snapshot sits beside `data` in the envelope (`snapshot`). */
  restore(
    id: string,
    body: S['RestoreSnapshotRequest'],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireRestoredInstance>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/snapshots/{snapshot_id}/restore/',
        pathParams: { snapshot_id: id },
        body,
        operationId: 'restoreSnapshot',
      },
      ctx,
    );
  }

  billing(
    id: string,
    window: { start?: string; end?: string },
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireSnapshotBilling>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/snapshots/{snapshot_id}/billing/',
        pathParams: { snapshot_id: id },
        query: { start_date: window.start, end_date: window.end },
        operationId: 'getSnapshotBilling',
      },
      ctx,
    );
  }
}
