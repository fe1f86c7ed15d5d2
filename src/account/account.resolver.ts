import { Context, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { AccountService } from './account.service';
import { Balance } from './models/balance.model';

@Resolver(() => Balance)
export class AccountResolver {
  constructor(private readonly service: AccountService) {}

  @Query(() => Balance, { description: 'The account credit balance, read live. Needs the billing scope.' })
  @RequireScopes('billing')
  balance(@Context() ctx: GqlContext): Promise<Balance> {
    return this.service.balance(ctx);
  }
}
