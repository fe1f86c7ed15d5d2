import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';
import { collectPages } from './paged-list';

type S = components['schemas'];
export type WireVolume = S['VolumeResponse'];
export type WireVolumeAttachment = S['VolumeAttachmentResult'];
export type WireVolumeBilling = S['VolumeBillingSummary'];
export type WireVolumeList = S['GetVolumesWithNextNameResponse']['data'];

export interface VolumeListFilter {
  region?: S['RegionEnum'];
  status?: S['VolumeStatusEnum'];
  search?: string;
}

/** Barrack's Volumes group (volume types are the catalogue's). */
@Injectable()
export class VolumesApi {
  constructor(private readonly http: BarrackHttpClient) {}

  listPage(
    filter: VolumeListFilter,
    page: number,
    pageSize: number,
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireVolumeList>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/volumes/',
        query: {
          page,
          page_size: pageSize,
          region: filter.region,
          status: filter.status,
          search: filter.search,
        },
        operationId: 'listVolumes',
      },
      ctx,
    );
  }

  listAll(filter: VolumeListFilter, ctx: UpstreamContext): Promise<WireVolume[]> {
    return collectPages(
      (page, size) => this.listPage(filter, page, size, ctx),
      (d) => d.volumes,
    );
  }

  create(body: S['CreateVolumeRequest'], ctx: UpstreamContext): Promise<BarrackResult<WireVolume>> {
    return this.http.request({ method: 'POST', path: '/volumes/', body, operationId: 'createVolume' }, ctx);
  }

  get(id: string, ctx: UpstreamContext): Promise<BarrackResult<WireVolume>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/volumes/{volume_id}/',
        pathParams: { volume_id: id },
        operationId: 'getVolume',
      },
      ctx,
    );
  }

  delete(id: string, ctx: UpstreamContext): Promise<BarrackResult<S['DeleteVolumeResponse']['data']>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/volumes/{volume_id}/',
        pathParams: { volume_id: id },
        operationId: 'deleteVolume',
      },
      ctx,
    );
  }

  resize(
    id: string,
    body: S['ResizeVolumeRequest'],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireVolume>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/volumes/{volume_id}/resize/',
        pathParams: { volume_id: id },
        body,
        operationId: 'resizeVolume',
      },
      ctx,
    );
  }

  clone(id: string, body: S['CloneVolumeRequest'], ctx: UpstreamContext): Promise<BarrackResult<WireVolume>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/volumes/{volume_id}/clone/',
        pathParams: { volume_id: id },
        body,
        operationId: 'cloneVolume',
      },
      ctx,
    );
  }

  attach(
    instanceId: string,
    body: S['AttachVolumesRequest'],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<S['VolumeAttachments']>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/instances/{instance_id}/attach-volumes/',
        pathParams: { instance_id: instanceId },
        body,
        operationId: 'attachVolumes',
      },
      ctx,
    );
  }

  detach(
    instanceId: string,
    body: S['DetachVolumesRequest'],
    ctx: UpstreamContext,
  ): Promise<BarrackResult<S['VolumeAttachments']>> {
    return this.http.request(
      {
        method: 'POST',
        path: '/instances/{instance_id}/detach-volumes/',
        pathParams: { instance_id: instanceId },
        body,
        operationId: 'detachVolumes',
      },
      ctx,
    );
  }

  billing(
    id: string,
    window: { start?: string; end?: string },
    ctx: UpstreamContext,
  ): Promise<BarrackResult<WireVolumeBilling>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/volumes/{volume_id}/billing/',
        pathParams: { volume_id: id },
        query: { start_date: window.start, end_date: window.end },
        operationId: 'getVolumeBilling',
      },
      ctx,
    );
  }
}
