import { Module } from '@nestjs/common';
import { SshKeysApi } from '../barrack/api/ssh-keys.api';
import { SshKeysResolver } from './ssh-keys.resolver';
import { SshKeysService } from './ssh-keys.service';

/** The account's SSH keys (generate or import). */
@Module({ providers: [SshKeysApi, SshKeysService, SshKeysResolver] })
export class SshKeysModule {}
