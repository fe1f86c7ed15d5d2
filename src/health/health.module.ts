import { Module } from '@nestjs/common';
import { GatewayLifecycle } from './gateway-lifecycle';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [GatewayLifecycle], exports: [GatewayLifecycle] })
export class HealthModule {}
