import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

/** Page-number pagination, as Barrack itself pages (1-based). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 1, description: 'Page number, starting at 1.' })
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 20, description: 'Items per page, 1 to 100.' })
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

@ObjectType('OffsetPageInfo', {
  description: 'Where a page sits in the whole list (lists not yet converted to connections).',
})
export class PageInfo {
  @Field(() => Int, { description: 'This page number (1-based).' })
  page!: number;

  @Field(() => Int, { description: 'Items per page requested.' })
  pageSize!: number;

  @Field(() => Int, { description: 'Items in the whole filtered list.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Number of pages in the whole filtered list.' })
  totalPages!: number;

  @Field({ description: 'True when a later page exists.' })
  hasNextPage!: boolean;
}

/** Builds PageInfo for an in-gateway slice. */
export function pageInfo(totalCount: number, page: number, pageSize: number): PageInfo {
  const totalPages = Math.max(1, Math.ceil(totalCount / pageSize));
  return { page, pageSize, totalCount, totalPages, hasNextPage: page < totalPages };
}
