import { Module } from '@nestjs/common';
import { AccountApi } from '../barrack/api/account.api';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';

/** The account's credit balance. */
@Module({ providers: [AccountApi, AccountService, AccountResolver] })
export class AccountModule {}
