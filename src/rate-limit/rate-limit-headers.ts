import type { BudgetDecision } from './rate-limiter.service';

/*
 * Header fields of draft-ietf-httpapi-ratelimit-headers-09 (structured fields, RFC 9651): one named
 * policy per budget. `RateLimit-Policy` states quota `q` per window `w` seconds; `RateLimit` states what
 * remains `r` and the seconds `t` until the window resets.
 */

export function rateLimitPolicyHeader(decisions: readonly BudgetDecision[]): string {
  return decisions.map((d) => `"${d.budget}";q=${d.limit};w=${d.windowSeconds}`).join(', ');
}

export function rateLimitHeader(decisions: readonly BudgetDecision[]): string {
  return decisions.map((d) => `"${d.budget}";r=${d.remaining};t=${d.resetSeconds}`).join(', ');
}

/** One policy item: `"<budget>";q=<limit>;w=<window s>`, as rateLimitPolicyHeader writes it. */
function policyItem(d: BudgetDecision): string {
  return `"${d.budget}";q=${d.limit};w=${d.windowSeconds}`;
}

/**
 * rateLimitPolicyHeader([a, b]), remembered for the last pair of (budget, limit, window): the policy is the
 * plan's, the same on every request of a tenant (and of every tenant on the same numbers), so a hit does not
 * build it again. Same text as rateLimitPolicyHeader.
 */
export class PolicyHeaderMemo {
  private a: BudgetDecision | undefined;
  private b: BudgetDecision | undefined;
  private text = '';

  of(a: BudgetDecision, b: BudgetDecision): string {
    const la = this.a;
    const lb = this.b;
    if (
      la !== undefined &&
      lb !== undefined &&
      la.budget === a.budget &&
      la.limit === a.limit &&
      la.windowSeconds === a.windowSeconds &&
      lb.budget === b.budget &&
      lb.limit === b.limit &&
      lb.windowSeconds === b.windowSeconds
    )
      return this.text;
    this.text = `${policyItem(a)}, ${policyItem(b)}`;
    // Copies of the three fields only: the decisions themselves carry per-request numbers.
    this.a = { ...a };
    this.b = { ...b };
    return this.text;
  }
}

/** rateLimitHeader for one or two decisions, without the arrays (`b` undefined: `a` alone). */
export function rateLimitHeaderOf(a: BudgetDecision, b: BudgetDecision | undefined): string {
  const first = `"${a.budget}";r=${a.remaining};t=${a.resetSeconds}`;
  return b === undefined ? first : `${first}, "${b.budget}";r=${b.remaining};t=${b.resetSeconds}`;
}
