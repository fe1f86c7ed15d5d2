import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { firstProblemOf } from '../common/graphql/input-check';
import type { GqlContext } from '../common/context/gql-context';
import type { ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry } from '../common/graphql/node';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { AiService, checkChatInput } from './ai.service';
import { AiUsageHistoryArgs, AiUsageWindowArgs, CreateChatCompletionInput } from './dto/ai.inputs';
import {
  AiTransaction,
  AiTransactionConnection,
  AiUsageSummary,
  CreateChatCompletionPayload,
} from './models/ai.model';

@Resolver()
export class AiResolver implements OnModuleInit {
  constructor(
    private readonly service: AiService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    // node(id) needs only the read scope; AI history needs ai, so without it the transaction is not there.
    this.nodes.register('AiTransaction', async (key, ctx) => {
      if (!ctx.principal?.scopes.includes('ai')) return null;
      return (await this.service.transactions(ctx)).find((t) => t.barrackId === key) ?? null;
    });
  }

  @Mutation(() => CreateChatCompletionPayload, {
    description:
      'Asks an AI model (see aiModels). Billed to the account credits; pass an idempotency key (input or Idempotency-Key header) to retry safely. Needs the ai scope.',
  })
  @RequireScopes('ai')
  @MutationRules(firstProblemOf(checkChatInput))
  @Idempotent()
  createChatCompletion(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'Model, messages and options.' }) input: CreateChatCompletionInput,
  ): Promise<CreateChatCompletionPayload> {
    return this.service.chat(ctx, input);
  }

  @Query(() => AiUsageSummary, { description: 'AI chat usage and cost over a window. Needs the ai scope.' })
  @RequireScopes('ai')
  aiUsageSummary(@Context() ctx: GqlContext, @Args() args: AiUsageWindowArgs): Promise<AiUsageSummary> {
    return this.service.usageSummary(ctx, args);
  }

  @Query(() => AiTransactionConnection, {
    description: 'Billed AI chat calls, newest first, as a Relay connection. Needs the ai scope.',
  })
  @RequireScopes('ai')
  aiUsageHistory(
    @Context() ctx: GqlContext,
    @Args() args: AiUsageHistoryArgs,
  ): Promise<ConnectionShape<AiTransaction>> {
    return this.service.usageHistory(ctx, args);
  }
}
