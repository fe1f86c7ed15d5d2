import { Extensions } from '@nestjs/graphql';
import type { GraphQLField } from 'graphql';

/**
 * How many Barrack calls resolving a field can cause, declared on the field so the query cost model
 * (rate-limit/query-cost.ts) can charge an upper bound of the calls an operation makes:
 * - a number: that many calls for EACH parent item (multiplied by the page sizes above it);
 * - `{ batched: n }`: n calls for the field however many parents ask (a per-request DataLoader batch);
 * - `{ shared: 'kind' }`: the request's one listing of that kind (PerRequestCollection, read at most once per
 *   request whichever fields ask), counted once per operation and kind.
 */
export type UpstreamCostDeclaration = number | { batched: number } | { shared: string };

/** The field extension the declaration is stored under. */
export const UPSTREAM_COST_EXTENSION = 'upstreamCost';

/** `@UpstreamCost(1)` on a `@ResolveField` (or `@Query`/`@Mutation`/`@Field`): see UpstreamCostDeclaration. */
export const UpstreamCost = (declaration: UpstreamCostDeclaration): PropertyDecorator & MethodDecorator =>
  Extensions({ [UPSTREAM_COST_EXTENSION]: declaration });

/** The declaration of a schema field, if it has one. */
export function upstreamCostOf(
  field: Pick<GraphQLField<unknown, unknown>, 'extensions'>,
): UpstreamCostDeclaration | undefined {
  const d = (field.extensions as Record<string, unknown> | undefined)?.[UPSTREAM_COST_EXTENSION];
  if (typeof d === 'number' && Number.isInteger(d) && d >= 0) return d;
  if (d && typeof d === 'object') {
    const o = d as { batched?: unknown; shared?: unknown };
    if (typeof o.batched === 'number') return { batched: o.batched };
    if (typeof o.shared === 'string') return { shared: o.shared };
  }
  return undefined;
}
