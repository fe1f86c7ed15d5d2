import {
  PolicyHeaderMemo,
  rateLimitHeader,
  rateLimitHeaderOf,
  rateLimitPolicyHeader,
} from './rate-limit-headers';
import type { BudgetDecision } from './rate-limiter.service';

const d = (budget: BudgetDecision['budget'], limit: number, remaining: number): BudgetDecision => ({
  budget,
  allowed: true,
  limit,
  remaining,
  resetSeconds: 7,
  windowSeconds: 60,
});

describe('rate-limit headers without arrays', () => {
  it('writes the same RateLimit text as rateLimitHeader', () => {
    const r = d('requests', 100, 99);
    const c = d('cost', 5000, 4990);
    expect(rateLimitHeaderOf(r, c)).toBe(rateLimitHeader([r, c]));
    expect(rateLimitHeaderOf(c, undefined)).toBe(rateLimitHeader([c]));
  });

  it('remembers the policy only while the plan numbers stay the same', () => {
    const memo = new PolicyHeaderMemo();
    const r = d('requests', 100, 99);
    const c = d('cost', 5000, 4990);
    expect(memo.of(r, c)).toBe(rateLimitPolicyHeader([r, c]));
    expect(memo.of({ ...r, remaining: 1 }, c)).toBe(rateLimitPolicyHeader([r, c]));
    const other = d('cost', 6000, 10);
    expect(memo.of(r, other)).toBe(rateLimitPolicyHeader([r, other]));
    const window = { ...r, windowSeconds: 30 };
    expect(memo.of(window, other)).toBe(rateLimitPolicyHeader([window, other]));
  });
});
