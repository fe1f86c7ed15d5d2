import { Injectable } from '@nestjs/common';
import { AiApi } from '../barrack/api/ai.api';
import {
  aiTransactionsOf,
  toAiTransaction,
  toAiUsageHistoryQuery,
  toAiUsageSummary,
  toAiUsageWindowQuery,
  toChatCompletion,
  toChatRequest,
} from './ai.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { collectPages } from '../barrack/api/paged-list';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { billingWindow } from '../common/validation/input-rules';
import type { AiUsageHistoryArgs, AiUsageWindowArgs, CreateChatCompletionInput } from './dto/ai.inputs';
import type { AiTransaction, AiUsageSummary, CreateChatCompletionPayload } from './models/ai.model';

const MAX_MESSAGES = 100;
const MAX_CHARS = 200_000;
const MAX_TOKENS = 131_072;

/** Checked before Barrack is called: a malformed request must not cost the account anything. */
export function checkChatInput(input: CreateChatCompletionInput): void {
  const bad = (field: string, message: string): never => {
    throw new GatewayError('BAD_USER_INPUT', message, { field });
  };
  const model = input.model.trim();
  if (!model || model.length > 200) bad('model', 'model must be 1-200 characters');
  if (input.messages.length < 1 || input.messages.length > MAX_MESSAGES) {
    bad('messages', `messages must hold 1 to ${MAX_MESSAGES} messages`);
  }
  let chars = 0;
  for (const m of input.messages) {
    if (!m.content.trim()) bad('messages', 'a message must not be empty');
    chars += m.content.length;
  }
  if (chars > MAX_CHARS) bad('messages', `messages must total at most ${MAX_CHARS} characters`);
  const t = input.temperature;
  if (t != null && !(t >= 0 && t <= 2)) bad('temperature', 'temperature must be from 0 to 2');
  const mt = input.maxTokens;
  if (mt != null && !(Number.isInteger(mt) && mt >= 1 && mt <= MAX_TOKENS)) {
    bad('maxTokens', `maxTokens must be an integer from 1 to ${MAX_TOKENS}`);
  }
}

/** AI chat (billable) and its usage reports. */
@Injectable()
export class AiService {
  constructor(
    private readonly api: AiApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  async chat(ctx: GqlContext, input: CreateChatCompletionInput): Promise<CreateChatCompletionPayload> {
    checkChatInput(input);
    const res = await this.api.chatCompletion(this.upstream.for(ctx), toChatRequest(input));
    return { completion: toChatCompletion(res.data), requestId: res.requestId ?? null };
  }

  async usageSummary(ctx: GqlContext, args: AiUsageWindowArgs): Promise<AiUsageSummary> {
    const w = billingWindow(args.from, args.to);
    const res = await this.api.usageSummary(this.upstream.for(ctx), toAiUsageWindowQuery(w));
    return toAiUsageSummary(res.data);
  }

  /** The window's whole history (pages of 100), paged here as a connection, newest first as Barrack orders it. */
  async usageHistory(ctx: GqlContext, args: AiUsageHistoryArgs): Promise<ConnectionShape<AiTransaction>> {
    assertConnectionArgs(args, 'aiUsageHistory');
    return connectionFromArray(await this.transactions(ctx, args), args, 'aiUsageHistory');
  }

  async transactions(ctx: GqlContext, window: AiUsageWindowArgs = {}): Promise<AiTransaction[]> {
    const w = billingWindow(window.from, window.to);
    const up = this.upstream.for(ctx);
    const all = await collectPages(
      (page, pageSize) => this.api.usageHistory(up, toAiUsageHistoryQuery(page, pageSize, w)),
      (d) => aiTransactionsOf(d),
    );
    return all.map(toAiTransaction);
  }
}
