import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Currency } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { RequireFieldScopes } from '../../auth/field-scopes';
import { Connection } from '../../common/graphql/connection';

export enum ChatRole {
  SYSTEM = 'SYSTEM',
  USER = 'USER',
  ASSISTANT = 'ASSISTANT',
}
registerEnumType(ChatRole, {
  name: 'ChatRole',
  description: 'Who wrote a chat message.',
  valuesMap: {
    SYSTEM: { description: 'Instructions for the model.' },
    USER: { description: 'The user.' },
    ASSISTANT: { description: 'The model (earlier answers, to continue a conversation).' },
  },
});

@ObjectType({ description: 'One chat message.' })
export class ChatMessage {
  @Field(() => ChatRole, { description: 'Who wrote it.' })
  role!: ChatRole;

  @Field({ description: 'Text of the message.' })
  content!: string;
}

@ObjectType({ description: 'One answer the model produced.' })
export class ChatChoice {
  @Field(() => Int, { description: 'Position among the answers (0 for the first).' })
  index!: number;

  @Field(() => ChatMessage, { description: 'The answer.' })
  message!: ChatMessage;

  @Field(() => String, { nullable: true, description: 'Why the model stopped (e.g. "stop", "length").' })
  finishReason!: string | null;
}

@ObjectType({ description: 'Tokens a chat call used.' })
export class TokenUsage {
  @Field(() => Int, { description: 'Tokens in the prompt.' })
  promptTokens!: number;

  @Field(() => Int, { description: 'Tokens in the answer.' })
  completionTokens!: number;

  @Field(() => Int, { description: 'Prompt plus answer tokens.' })
  totalTokens!: number;
}

@ObjectType({ description: 'A chat completion, billed to the account credits.' })
export class ChatCompletion {
  @Field(() => ID, {
    description:
      "Barrack's completion id. Not a Node (a completion cannot be read again), so not called `id`.",
  })
  completionId!: string;

  @Field({ description: 'Model that answered.' })
  model!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the completion was made.' })
  createdAt!: Date | null;

  @Field(() => [ChatChoice], { description: 'Answers (usually one).' })
  choices!: ChatChoice[];

  @Field(() => TokenUsage, { description: 'Tokens used.' })
  usage!: TokenUsage;

  @RequireFieldScopes('billing')
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'What the call cost, in `currency` (null without the billing scope).',
  })
  cost!: string | null;

  @Field(() => Currency, { nullable: true, description: 'Currency of `cost`.' })
  currency!: string | null;

  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('AiTransaction')],
    description: referenceIdDoc('AiTransaction', 'the billing transaction (see aiUsageHistory)'),
  })
  transactionId!: string | null;
}

@ObjectType({ description: 'Result of createChatCompletion.' })
export class CreateChatCompletionPayload extends MutationPayload {
  @Field(() => ChatCompletion, { nullable: true, description: 'The completion.' })
  completion?: ChatCompletion | null;
}

@ObjectType({ description: 'AI usage of one model within the summary window.' })
export class AiModelUsage {
  @Field({ description: 'Model id.' })
  model!: string;

  @Field(() => Int, { description: 'Chat calls.' })
  requests!: number;

  @Field(() => Int, { description: 'Tokens used.' })
  tokens!: number;

  @RequireFieldScopes('billing')
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Cost, in the summary currency (null without the billing scope).',
  })
  cost!: string;
}

@ObjectType({ description: 'AI chat usage and cost over a window.' })
export class AiUsageSummary {
  @Field(() => Int, { description: 'Chat calls.' })
  totalRequests!: number;

  @Field(() => Int, { description: 'Tokens used.' })
  totalTokens!: number;

  @RequireFieldScopes('billing')
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total cost, in `currency` (null without the billing scope).',
  })
  totalCost!: string;

  @Field(() => Currency, { description: 'Currency of the amounts.' })
  currency!: string;

  @Field(() => [AiModelUsage], { description: 'Break-down by model.' })
  byModel!: AiModelUsage[];
}

@ObjectType({ description: 'One billed chat call.', implements: () => [Node] })
export class AiTransaction implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: BARRACK_ID_DOC })
  barrackId!: string;

  @Field({ description: 'Model used.' })
  model!: string;

  @Field(() => Int, { nullable: true, description: 'Prompt tokens.' })
  promptTokens!: number | null;

  @Field(() => Int, { nullable: true, description: 'Completion tokens.' })
  completionTokens!: number | null;

  @RequireFieldScopes('billing')
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Cost, in `currency` (null without the billing scope).',
  })
  cost!: string;

  @Field(() => Currency, { nullable: true, description: 'Currency of `cost`.' })
  currency!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the call was made.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of billed AI chat calls (Relay connection), newest first.' })
export class AiTransactionConnection extends Connection(AiTransaction, 'AI transactions') {}
