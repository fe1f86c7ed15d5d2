import { Module } from '@nestjs/common';
import { InstancesApi } from '../barrack/api/instances.api';
import {
  AddInstanceSecurityRulePayloadResolver,
  InstanceActionPayloadResolver,
  InstancesResolver,
  RemoveInstanceSecurityRulePayloadResolver,
  SnapshotEligibleInstanceResolver,
  ToggleInstancePublicIpPayloadResolver,
} from './instances.resolver';
import { InstanceEventsService } from './instance-events.service';
import { InstanceUpdatedResolver } from './instance-updated.resolver';
import { InstancesService } from './instances.service';

/** Instances and their lifecycle. Exports the service: snapshots and volumes resolve their instance edges with it. */
@Module({
  providers: [
    InstancesApi,
    InstancesService,
    InstancesResolver,
    InstanceActionPayloadResolver,
    ToggleInstancePublicIpPayloadResolver,
    AddInstanceSecurityRulePayloadResolver,
    RemoveInstanceSecurityRulePayloadResolver,
    SnapshotEligibleInstanceResolver,
    InstanceEventsService,
    InstanceUpdatedResolver,
  ],
  exports: [InstancesService],
})
export class InstancesModule {}
