import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../common/graphql/user-error';
import { CacheKindEnum } from './cache-kind.enum';
import type { CacheKind } from './cache-kinds';

@ObjectType({ description: 'What clearCache removed.' })
export class ClearCachePayload extends MutationPayload {
  @Field(() => CacheKindEnum, { nullable: true, description: 'The kind that was cleared.' })
  kind?: CacheKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The tenant whose entries were cleared; null when the kind is shared by all tenants.',
  })
  tenantId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many stored keys (entries and fill locks) were deleted.',
  })
  deletedKeys?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False when the cache store could not be reached; entries then expire on their own within their TTL.',
  })
  complete?: boolean | null;
}

@InputType({ description: 'Which cached data to drop.' })
export class ClearCacheInput {
  @Field(() => CacheKindEnum, { description: 'The kind of cached data to clear.' })
  kind!: CacheKind;

  @Field(() => String, {
    nullable: true,
    description: "The tenant to clear; defaults to the caller's tenant, and may only be the caller's tenant.",
  })
  tenantId?: string | null;
}
