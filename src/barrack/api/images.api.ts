import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';
import { collectPages } from './paged-list';

type S = components['schemas'];
export type WireImage = S['Image'];
export type WireSnapshotImageRelationship = S['SnapshotImageRelationship'];
export type WireImageList = S['ImageListResponse']['data'];

export interface ImageListFilter {
  region?: S['RegionEnum'];
  search?: string;
}

/** Barrack's Images group: custom images made from snapshots (OS images are the catalogue's). */
@Injectable()
export class ImagesApi {
  constructor(private readonly http: BarrackHttpClient) {}

  listPage(
    filter: ImageListFilter,
    page: number,
    pageSize: number,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireImageList>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/images/',
        query: { page, page_size: pageSize, region: filter.region, search: filter.search },
        operationId: 'listImages',
      },
      ctx,
    );
  }

  listAll(filter: ImageListFilter, ctx: UpstreamContext): Promise<WireImage[]> {
    return collectPages(
      (page, size) => this.listPage(filter, page, size, ctx),
      (d) => d.images,
    );
  }

  get(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireImage>> {
    return this.http.request(
      { method: 'GET', path: '/images/{image_id}/', pathParams: { image_id: id }, operationId: 'getImage' },
      ctx,
    );
  }

  delete(id: string, ctx: UpstreamContext): Promise<BarrackResult<S['ImageDeleteResponse']['data']>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/images/{image_id}/',
        pathParams: { image_id: id },
        operationId: 'deleteImage',
      },
      ctx,
    );
  }

  createFromSnapshot(
    snapshotId: string,
    body: S['CreateImageFromSnapshotRequest'],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireImage>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/snapshots/{snapshot_id}/image/',
        pathParams: { snapshot_id: snapshotId },
        body,
        operationId: 'createImageFromSnapshot',
      },
      ctx,
    );
  }

  relationship(
    snapshotId: string,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireSnapshotImageRelationship>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/snapshots/{snapshot_id}/image-relationship/',
        pathParams: { snapshot_id: snapshotId },
        operationId: 'getSnapshotImageRelationship',
      },
      ctx,
    );
  }

  relationships(
    snapshotIds: string[],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<S['BatchSnapshotImageRelationships']>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/snapshots/image-relationships/',
        body: { snapshot_ids: snapshotIds },
        operationId: 'listSnapshotImageRelationships',
      },
      ctx,
    );
  }
}
