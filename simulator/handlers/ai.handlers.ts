import type { components } from '../../src/barrack/contract/barrack-api.types';
import { AI_FX, AI_MODELS, round4 } from '../catalog';
import { iso } from '../sim-clock';
import { SimError, notFound } from '../sim-error';
import type { SimAiTx } from '../sim-state';
import { bodyOf, paginate, window, type HandlerContext, type HandlerTable } from './handler';

type S = components['schemas'];

/** Tokens are counted as whitespace-separated words: deterministic and easy to assert. */
export function countTokens(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function inWindow(ctx: HandlerContext): SimAiTx[] {
  const { start, end } = window(ctx);
  return ctx.account.aiTransactions.filter((t) => t.createdAt >= start && t.createdAt <= end);
}

export const aiHandlers: HandlerTable = {
  chatCompletion: (ctx) => {
    const body = bodyOf<S['ChatCompletionsRequest']>(ctx);
    const model = AI_MODELS.find((m) => m.id === body.model);
    if (!model) throw notFound('model', body.model);
    const lastUser = [...body.messages].reverse().find((m) => m.role === 'user');
    // No model runs: the answer is a canned echo, so tests can predict it word for word.
    let words = `You said: ${lastUser?.content.trim() || '(nothing)'}`.split(/\s+/);
    if (body.max_tokens !== undefined) words = words.slice(0, body.max_tokens);
    const answer = words.join(' ');
    const promptTokens = body.messages.reduce((n, m) => n + countTokens(m.content), 0);
    const completionTokens = countTokens(answer);
    const fx = AI_FX[ctx.account.currency];
    const cost = round4(
      ((promptTokens / 1000) * model.inputPer1k + (completionTokens / 1000) * model.outputPer1k) * fx,
    );
    const balance = ctx.sim.balance(ctx.account);
    if (balance <= 0 || balance < cost) {
      throw new SimError(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits for AI chat', {
        balance,
        required: cost,
      });
    }
    const now = ctx.sim.clock.nowMs();
    const tx: SimAiTx = {
      id: ctx.sim.nextId('A'),
      model: model.id,
      promptTokens,
      completionTokens,
      cost,
      createdAt: now,
    };
    ctx.account.aiTransactions.push(tx);
    const data: S['ChatCompletion'] = {
      id: `chatcmpl-${tx.id}`,
      object: 'chat.completion',
      created: Math.floor(now / 1000),
      model: model.id,
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
      cost,
      currency: ctx.account.currency,
      transaction_id: tx.id,
    };
    return { message: 'Chat completion created', data };
  },

  getAiUsageSummary: (ctx) => {
    const txs = inWindow(ctx);
    const byModel = new Map<string, { requests: number; tokens: number; cost: number }>();
    for (const t of txs) {
      const m = byModel.get(t.model) ?? { requests: 0, tokens: 0, cost: 0 };
      m.requests++;
      m.tokens += t.promptTokens + t.completionTokens;
      m.cost += t.cost;
      byModel.set(t.model, m);
    }
    const data: S['UsageSummary'] = {
      total_requests: txs.length,
      total_tokens: txs.reduce((n, t) => n + t.promptTokens + t.completionTokens, 0),
      total_cost: round4(txs.reduce((n, t) => n + t.cost, 0)),
      currency: ctx.account.currency,
      by_model: [...byModel].map(([model, m]) => ({
        model,
        requests: m.requests,
        tokens: m.tokens,
        cost: round4(m.cost),
      })),
    };
    return { message: 'Usage summary retrieved successfully', data };
  },

  getAiUsageHistory: (ctx) => {
    const txs = [...inWindow(ctx)].reverse();
    const page = paginate(ctx, txs);
    const transactions: S['AITransaction'][] = page.items.map((t) => ({
      id: t.id,
      model: t.model,
      prompt_tokens: t.promptTokens,
      completion_tokens: t.completionTokens,
      cost: t.cost,
      currency: ctx.account.currency,
      created_at: iso(t.createdAt),
    }));
    return {
      message: 'Usage history retrieved successfully',
      data: { transactions, pagination: page.pagination },
    };
  },
};
