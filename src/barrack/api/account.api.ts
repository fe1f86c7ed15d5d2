import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';

type S = components['schemas'];

/** Barrack's Balance group. Never cached: a console shows the balance right after spending. */
@Injectable()
export class AccountApi {
  constructor(private readonly http: BarrackHttpClient) {}

  balance(ctx: UpstreamContext): Promise<BarrackResult<S['Balance']>> {
    return this.http.request({ method: 'GET', path: '/balance/', operationId: 'getBalance' }, ctx);
  }
}
