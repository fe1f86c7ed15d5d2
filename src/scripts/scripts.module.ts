import { Module } from '@nestjs/common';
import { ScriptsApi } from '../barrack/api/scripts.api';
import { ScriptsResolver } from './scripts.resolver';
import { ScriptsService } from './scripts.service';

/** Stored startup (cloud-init) scripts. */
@Module({ providers: [ScriptsApi, ScriptsService, ScriptsResolver] })
export class ScriptsModule {}
