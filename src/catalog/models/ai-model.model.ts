import { Field, ObjectType } from '@nestjs/graphql';
import { Currency } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'An AI model usable with createChatCompletion.' })
export class AiModel extends CatalogEntry {
  @Field({ description: 'Model id to pass as `model` in createChatCompletion.' })
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => Currency, {
    description:
      "Currency of `inputPricePer1k` and `outputPricePer1k`: the account's (Barrack prices AI models in it).",
  })
  currency!: Currency;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per 1,000 prompt tokens, in `currency`.',
  })
  inputPricePer1k!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per 1,000 completion tokens, in `currency`.',
  })
  outputPricePer1k!: string | null;
}
