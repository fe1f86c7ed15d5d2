import { SetMetadata } from '@nestjs/common';
import { prependInterceptor } from '../common/graphql/mutation-interceptors';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export const IDEMPOTENT_KEY = 'gateway:idempotent';

/**
 * Marks a billable mutation as idempotent-by-key: a repeat with the same Idempotency-Key header (or
 * `input.idempotencyKey`) and the same input returns the stored result instead of calling Barrack again.
 * Enforced by the idempotency interceptor (src/idempotency/), which this puts on the mutation itself (not
 * globally, so no other field pays for it), outside the mutation's other method interceptors whatever the
 * decorators' order: a replay is answered before BillableMutation draws anything.
 */
export const Idempotent = (): MethodDecorator => (target, key, descriptor) => {
  SetMetadata(IDEMPOTENT_KEY, true)(target, key, descriptor);
  prependInterceptor(descriptor.value as object, IdempotencyInterceptor);
};
