import { Injectable } from '@nestjs/common';
import { AccountApi } from '../barrack/api/account.api';
import { toBalance } from './account.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import type { Balance } from './models/balance.model';

/** The account balance, always read live (never cached: it changes with every billed minute). */
@Injectable()
export class AccountService {
  constructor(
    private readonly api: AccountApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  async balance(ctx: GqlContext): Promise<Balance> {
    return toBalance((await this.api.balance(this.upstream.for(ctx))).data);
  }
}
