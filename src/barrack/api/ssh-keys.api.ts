import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';

type S = components['schemas'];

export interface SshKeyList {
  ssh_keys: S['SSHKeyResponse'][];
  pagination: S['Pagination'];
}

/** Barrack's SSH Keys group. */
@Injectable()
export class SshKeysApi {
  constructor(private readonly http: BarrackHttpClient) {}

  list(
    ctx: UpstreamContext,
    query: { page?: number; page_size?: number; search?: string } = {},
  ): Promise<BarrackResult<SshKeyList>> {
    return this.http.request(
      { method: 'GET', path: '/ssh-keys/', query: { ...query }, operationId: 'listSshKeys' },
      ctx,
    );
  }

  get(ctx: UpstreamContext, keyId: string): Promise<BarrackResult<S['SSHKeyResponse']>> {
    return this.http.request(
      { method: 'GET', path: '/ssh-keys/{key_id}/', pathParams: { key_id: keyId }, operationId: 'getSshKey' },
      ctx,
    );
  }

  /** The answer may carry `private_key` (generated pairs only): callers hand it to the client once and drop it. */
  create(ctx: UpstreamContext, body: S['CreateSSHKeyRequest']): Promise<BarrackResult<S['CreatedSSHKey']>> {
    return this.http.request({ method: 'POST', path: '/ssh-keys/', body, operationId: 'createSshKey' }, ctx);
  }

  delete(ctx: UpstreamContext, keyId: string): Promise<BarrackResult<{ key_id: string }>> {
    return this.http.request(
      {
        method: 'DELETE',
        path: '/ssh-keys/{key_id}/',
        pathParams: { key_id: keyId },
        operationId: 'deleteSshKey',
      },
      ctx,
    );
  }
}
