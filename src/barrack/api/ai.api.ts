import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';

type S = components['schemas'];

export interface UsageWindow {
  start_date?: string;
  end_date?: string;
}

export interface AiUsageHistory {
  transactions: S['AITransaction'][];
  pagination: S['Pagination'];
}

/** Barrack's AI Chat group (the model list is read through CatalogApi, where it is cached). */
@Injectable()
export class AiApi {
  constructor(private readonly http: BarrackHttpClient) {}

  /** Billable: the client never retries it (POST); the GraphQL mutation is @Idempotent by key instead. */
  chatCompletion(
    ctx: UpstreamContext,
    body: S['ChatCompletionsRequest'],
  ): Promise<BarrackResult<S['ChatCompletion']>> {
    return this.http.request(
      { method: 'POST', path: '/ai/chat/completions/', body, operationId: 'chatCompletion' },
      ctx,
    );
  }

  usageSummary(ctx: UpstreamContext, window: UsageWindow = {}): Promise<BarrackResult<S['UsageSummary']>> {
    return this.http.request(
      { method: 'GET', path: '/ai/usage/summary/', query: { ...window }, operationId: 'getAiUsageSummary' },
      ctx,
    );
  }

  usageHistory(
    ctx: UpstreamContext,
    query: UsageWindow & { page?: number; page_size?: number } = {},
  ): Promise<BarrackResult<AiUsageHistory>> {
    return this.http.request(
      { method: 'GET', path: '/ai/usage/history/', query: { ...query }, operationId: 'getAiUsageHistory' },
      ctx,
    );
  }
}
