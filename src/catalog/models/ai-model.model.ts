import { Field, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'An AI model usable with createChatCompletion.' })
export class AiModel extends CatalogEntry {
  @Field({ description: 'Model id to pass as `model` in createChatCompletion.' })
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per 1,000 prompt tokens, in the account currency.',
  })
  inputPricePer1k!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per 1,000 completion tokens, in the account currency.',
  })
  outputPricePer1k!: string | null;
}
