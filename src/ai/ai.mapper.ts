import {
  type AiTransaction,
  type AiUsageSummary,
  type ChatCompletion,
  type ChatMessage,
  ChatRole,
} from './models/ai.model';
import type { CreateChatCompletionInput } from './dto/ai.inputs';
import { CURRENCIES } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import type { components } from '../barrack/contract/barrack-api.types';
import type { AiUsageHistory, UsageWindow } from '../barrack/api/ai.api';
import { date, decimal, decimalOrNull, intOrNull, stringOrNull } from '../common/mapping/tolerant-values';

type S = components['schemas'];

const ROLE_TO_WIRE = { SYSTEM: 'system', USER: 'user', ASSISTANT: 'assistant' } as const satisfies Record<
  ChatRole,
  S['ChatMessage']['role']
>;

function toRole(w: string): ChatRole {
  const v = w.toUpperCase();
  return v in ChatRole ? ChatRole[v as keyof typeof ChatRole] : ChatRole.ASSISTANT;
}

function toMessage(w: S['ChatMessage']): ChatMessage {
  return { role: toRole(w.role), content: w.content };
}

/** The idempotency key is the gateway's business: it never goes to Barrack. */
export function toChatRequest(input: CreateChatCompletionInput): S['ChatCompletionsRequest'] {
  return {
    model: input.model.trim(),
    messages: input.messages.map((m) => ({ role: ROLE_TO_WIRE[m.role], content: m.content })),
    ...(input.temperature != null ? { temperature: input.temperature } : {}),
    ...(input.maxTokens != null ? { max_tokens: input.maxTokens } : {}),
  };
}

export function toChatCompletion(w: S['ChatCompletion']): ChatCompletion {
  return {
    completionId: w.id,
    model: w.model,
    createdAt: typeof w.created === 'number' ? new Date(w.created * 1000) : null,
    choices: (w.choices ?? []).map((c) => ({
      index: c.index,
      message: toMessage(c.message),
      finishReason: stringOrNull(c.finish_reason),
    })),
    usage: {
      promptTokens: intOrNull(w.usage?.prompt_tokens) ?? 0,
      completionTokens: intOrNull(w.usage?.completion_tokens) ?? 0,
      totalTokens: intOrNull(w.usage?.total_tokens) ?? 0,
    },
    cost: decimalOrNull(w.cost),
    currency: w.currency ? CURRENCIES.fromWire(w.currency) : null,
    transactionId: stringOrNull(w.transaction_id),
  };
}

export function toAiUsageSummary(w: S['UsageSummary']): AiUsageSummary {
  return {
    totalRequests: intOrNull(w.total_requests) ?? 0,
    totalTokens: intOrNull(w.total_tokens) ?? 0,
    totalCost: decimal(w.total_cost),
    currency: CURRENCIES.fromWire(w.currency),
    byModel: (w.by_model ?? []).map((m) => ({
      model: m.model,
      requests: intOrNull(m.requests) ?? 0,
      tokens: intOrNull(m.tokens) ?? 0,
      cost: decimal(m.cost),
    })),
  };
}

export function toAiTransaction(w: S['AITransaction']): AiTransaction {
  return {
    model: w.model,
    promptTokens: intOrNull(w.prompt_tokens),
    completionTokens: intOrNull(w.completion_tokens),
    cost: decimal(w.cost),
    currency: w.currency ? CURRENCIES.fromWire(w.currency) : null,
    createdAt: date(w.created_at),
    ...nodeIds('AiTransaction', w.id),
  };
}

/** The transactions of one usage history page. */
export function aiTransactionsOf(w: Pick<AiUsageHistory, 'transactions'>): S['AITransaction'][] {
  return w.transactions;
}

/** The usage window (ISO timestamps, either end open) as Barrack's query. */
export function toAiUsageWindowQuery(w: { start?: string; end?: string }): UsageWindow {
  return { start_date: w.start, end_date: w.end };
}

/** One page of the usage history over a window. */
export function toAiUsageHistoryQuery(
  page: number,
  pageSize: number,
  w: { start?: string; end?: string },
): UsageWindow & { page: number; page_size: number } {
  return { page, page_size: pageSize, ...toAiUsageWindowQuery(w) };
}
