import { Injectable } from '@nestjs/common';
import { AiApi } from '../barrack/api/ai.api';
import {
  toAiTransaction,
  toAiUsageSummary,
  toChatCompletion,
  toChatRequest,
} from '../barrack/mappers/ai.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { pageInfo } from '../common/graphql/page.types';
import { assertPage, billingWindow } from '../instances/input-rules';
import type { AiUsageHistoryArgs, AiUsageWindowArgs, CreateChatCompletionInput } from './dto/ai.inputs';
import type { AiTransactionPage, AiUsageSummary, CreateChatCompletionPayload } from './models/ai.model';

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
    const res = await this.api.usageSummary(this.upstream.for(ctx), { start_date: w.start, end_date: w.end });
    return toAiUsageSummary(res.data);
  }

  async usageHistory(ctx: GqlContext, args: AiUsageHistoryArgs): Promise<AiTransactionPage> {
    assertPage(args.page, args.pageSize);
    const w = billingWindow(args.from, args.to);
    const res = await this.api.usageHistory(this.upstream.for(ctx), {
      page: args.page,
      page_size: args.pageSize,
      start_date: w.start,
      end_date: w.end,
    });
    const items = (res.data.transactions ?? []).map(toAiTransaction);
    return {
      items,
      pageInfo: pageInfo(res.data.pagination?.total ?? items.length, args.page, args.pageSize),
    };
  }
}
