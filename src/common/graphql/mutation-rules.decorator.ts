import { SetMetadata } from '@nestjs/common';
import type { InputRules } from './input-check';

export const MUTATION_RULES_KEY = 'gateway:mutation-rules';

/**
 * The input rules of a mutation. The UserErrorsInterceptor runs them on the `input` argument before the
 * resolver (and before idempotency and any upstream call) and answers every problem found as `userErrors`.
 */
export const MutationRules = <T>(rules: InputRules<T>) => SetMetadata(MUTATION_RULES_KEY, rules);
