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
