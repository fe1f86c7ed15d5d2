import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Currency } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'An AI model usable with createChatCompletion.', implements: () => [Node] })
export class AiModel extends CatalogEntry implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: "Barrack's model id: pass it as `model` in createChatCompletion." })
  barrackId!: string;

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
