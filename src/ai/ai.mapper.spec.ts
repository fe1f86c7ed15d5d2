import { ChatRole } from './models/ai.model';
import {
  aiTransactionsOf,
  toAiTransaction,
  toAiUsageHistoryQuery,
  toAiUsageSummary,
  toAiUsageWindowQuery,
  toChatCompletion,
  toChatRequest,
} from './ai.mapper';

describe('ai mappers', () => {
  it('builds the chat body without the idempotency key', () => {
    expect(
      toChatRequest({
        model: ' m ',
        messages: [{ role: ChatRole.USER, content: 'hi' }],
        maxTokens: 10,
        idempotencyKey: 'k-1',
      }),
    ).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10 });
  });

  it('maps a completion with its cost as a decimal string', () => {
    const c = toChatCompletion({
      id: 'chatcmpl-1',
      model: 'm',
      created: 1_750_000_000,
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      cost: 0.00012,
      currency: 'USD',
      transaction_id: 'BRK-000001A',
    });
    expect(c).toEqual({
      completionId: 'chatcmpl-1',
      model: 'm',
      createdAt: new Date(1_750_000_000_000),
      choices: [{ index: 0, message: { role: ChatRole.ASSISTANT, content: 'ok' }, finishReason: 'stop' }],
      usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4 },
      cost: '0.00012',
      currency: 'USD',
      transactionId: 'BRK-000001A',
    });
  });

  it('maps usage summary and history', () => {
    expect(
      toAiUsageSummary({
        total_requests: 2,
        total_tokens: 30,
        total_cost: 0.5,
        currency: 'EUR',
        by_model: [{ model: 'm', requests: 2, tokens: 30, cost: 0.5 }],
      }),
    ).toEqual({
      totalRequests: 2,
      totalTokens: 30,
      totalCost: '0.5',
      currency: 'EUR',
      byModel: [{ model: 'm', requests: 2, tokens: 30, cost: '0.5' }],
    });
    expect(
      toAiTransaction({ id: 'A', model: 'm', cost: 1e-7, created_at: '2025-06-01T00:00:00Z' }),
    ).toMatchObject({
      cost: '0.0000001',
      promptTokens: null,
      currency: null,
    });
  });

  it('reads the transactions of a history page', () => {
    const t = { id: 'BRK-1A', model: 'm', cost: 0.1, created_at: '2025-06-01T00:00:00Z' };
    expect(aiTransactionsOf({ transactions: [t] })).toEqual([t]);
  });

  it('builds the usage window and history page queries', () => {
    expect(toAiUsageWindowQuery({ start: '2025-06-01T00:00:00', end: '2025-06-02T00:00:00' })).toEqual({
      start_date: '2025-06-01T00:00:00',
      end_date: '2025-06-02T00:00:00',
    });
    expect(toAiUsageWindowQuery({})).toEqual({ start_date: undefined, end_date: undefined });
    expect(toAiUsageHistoryQuery(2, 100, { start: '2025-06-01T00:00:00' })).toEqual({
      page: 2,
      page_size: 100,
      start_date: '2025-06-01T00:00:00',
      end_date: undefined,
    });
  });
});
