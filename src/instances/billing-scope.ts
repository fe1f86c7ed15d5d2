import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';

/**
 * Billing line items are money facts. The scopes guard checks root fields only, so a nested billingHistory
 * field checks the same scope its root query (instanceBillingHistory etc.) requires.
 */
export function assertBillingScope(ctx: GqlContext): void {
  const principal = ctx.principal ?? ctx.req.principal;
  if (!principal?.scopes.includes('billing')) {
    throw new GatewayError('FORBIDDEN', 'Missing required scope: billing', {
      requiredScopes: ['billing'],
      missingScopes: ['billing'],
    });
  }
}
