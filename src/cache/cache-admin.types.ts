import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CacheKindEnum } from './cache-kind.enum';
import type { CacheKind } from './cache-kinds';

@ObjectType({ description: 'What clearCache removed.' })
export class ClearCachePayload {
  @Field(() => CacheKindEnum, { description: 'The kind that was cleared.' })
  kind!: CacheKind;

  @Field(() => String, {
    nullable: true,
    description: 'The tenant whose entries were cleared; null when the kind is shared by all tenants.',
  })
  tenantId!: string | null;

  @Field(() => Int, { description: 'How many stored keys (entries and fill locks) were deleted.' })
  deletedKeys!: number;

  @Field(() => Boolean, {
    description:
      'False when the cache store could not be reached; entries then expire on their own within their TTL.',
  })
  complete!: boolean;
}
