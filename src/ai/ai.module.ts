import { Module } from '@nestjs/common';
import { AiApi } from '../barrack/api/ai.api';
import { AiResolver } from './ai.resolver';
import { AiService } from './ai.service';

/** AI chat completions and usage (the model list is part of the catalogue). */
@Module({ providers: [AiApi, AiService, AiResolver] })
export class AiModule {}
