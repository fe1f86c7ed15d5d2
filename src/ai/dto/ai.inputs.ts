import { ArgsType, Field, Float, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { ConnectionArgs } from '../../common/graphql/connection';
import { ChatRole } from '../models/ai.model';

@InputType({ description: 'One message of the conversation sent to the model.' })
export class ChatMessageInput {
  @Field(() => ChatRole, { description: 'Who wrote it.' })
  role!: ChatRole;

  @Field({ description: 'Text of the message (not empty).' })
  content!: string;
}

@InputType({
  description: 'A chat completion request. Billed to the account credits (INSUFFICIENT_CREDITS otherwise).',
})
export class CreateChatCompletionInput {
  @Field({ description: 'Model id from aiModels.' })
  model!: string;

  @Field(() => [ChatMessageInput], { description: '1 to 100 messages, oldest first.' })
  messages!: ChatMessageInput[];

  @Field(() => Float, { nullable: true, description: 'Sampling temperature, 0 to 2.' })
  temperature?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most tokens to generate, at least 1.' })
  maxTokens?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: a repeat with the same key and input returns the first result instead of being billed again (same as the Idempotency-Key header).',
  })
  idempotencyKey?: string | null;
}

@ArgsType()
export class AiUsageWindowArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Window start (inclusive).' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Window end.' })
  to?: Date | null;
}

@ArgsType()
export class AiUsageHistoryArgs extends ConnectionArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Window start (inclusive).' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Window end.' })
  to?: Date | null;
}
