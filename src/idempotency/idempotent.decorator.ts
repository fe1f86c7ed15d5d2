import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENT_KEY = 'gateway:idempotent';

/**
 * Marks a billable mutation as idempotent-by-key: a repeat with the same Idempotency-Key header (or
 * `input.idempotencyKey`) and the same input returns the stored result instead of calling Barrack again.
 * Enforced by the idempotency interceptor (src/idempotency/).
 */
export const Idempotent = () => SetMetadata(IDEMPOTENT_KEY, true);
