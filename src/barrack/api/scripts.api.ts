import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';

type S = components['schemas'];

export interface ScriptList {
  scripts: S['Script'][];
  pagination: S['Pagination'];
}

/** Barrack's Scripts group (stored startup / cloud-init scripts). */
@Injectable()
export class ScriptsApi {
  constructor(private readonly http: BarrackHttpClient) {}

  list(
    ctx: UpstreamContext,
    query: { page?: number; page_size?: number; search?: string } = {},
  ): Promise<BarrackResult<ScriptList>> {
    return this.http.request(
      { method: 'GET', path: '/scripts/', query: { ...query }, operationId: 'listScripts' },
      ctx,
    );
  }

  get(ctx: UpstreamContext, scriptId: string): Promise<BarrackResult<S['Script']>> {
    return this.http.request(
      {
        method: 'GET',
        path: '/scripts/{script_id}/',
        pathParams: { script_id: scriptId },
        operationId: 'getScript',
      },
      ctx,
    );
  }

  create(ctx: UpstreamContext, body: S['CreateScriptRequest']): Promise<BarrackResult<S['Script']>> {
    return this.http.request({ method: 'POST', path: '/scripts/', body, operationId: 'createScript' }, ctx);
  }

  update(
    ctx: UpstreamContext,
    scriptId: string,
    body: S['UpdateScriptRequest'],
  ): Promise<BarrackResult<S['Script']>> {
    return this.http.request(
      {
        method: 'PUT',
        path: '/scripts/{script_id}/',
        pathParams: { script_id: scriptId },
        body,
        operationId: 'updateScript',
      },
      ctx,
    );
  }

  delete(ctx: UpstreamContext, scriptId: string): Promise<BarrackResult<{ script_id: string }>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/scripts/{script_id}/',
        pathParams: { script_id: scriptId },
        operationId: 'deleteScript',
      },
      ctx,
    );
  }

  bulkDelete(
    ctx: UpstreamContext,
    body: S['BulkDeleteScriptsRequest'],
  ): Promise<BarrackResult<S['BulkDeleteScriptsResult']>> {
    return this.http.request(
      { method: 'POST', path: '/scripts/bulk-delete/', body, operationId: 'bulkDeleteScripts' },
      ctx,
    );
  }
}
