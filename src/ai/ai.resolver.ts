import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { firstProblemOf } from '../common/graphql/input-check';
import type { GqlContext } from '../common/context/gql-context';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { AiService, checkChatInput } from './ai.service';
import { AiUsageHistoryArgs, AiUsageWindowArgs, CreateChatCompletionInput } from './dto/ai.inputs';
import { AiTransactionPage, AiUsageSummary, CreateChatCompletionPayload } from './models/ai.model';

@Resolver()
export class AiResolver {
  constructor(private readonly service: AiService) {}

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

  @Query(() => AiTransactionPage, { description: 'Billed AI chat calls, paged. Needs the ai scope.' })
  @RequireScopes('ai')
  aiUsageHistory(@Context() ctx: GqlContext, @Args() args: AiUsageHistoryArgs): Promise<AiTransactionPage> {
    return this.service.usageHistory(ctx, args);
  }
}
