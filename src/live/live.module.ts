import { Global, Module } from '@nestjs/common';
import { LiveBus } from './live-bus';

/** Live updates across replicas (leases and fan-out, see LiveBus); global so features can publish. */
@Global()
@Module({ providers: [LiveBus], exports: [LiveBus] })
export class LiveModule {}
