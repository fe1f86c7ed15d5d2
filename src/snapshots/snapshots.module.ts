import { Module } from '@nestjs/common';
import { SnapshotsApi } from '../barrack/api/snapshots.api';
import { InstancesModule } from '../instances/instances.module';
import {
  InstanceSnapshotsResolver,
  RestoreSnapshotPayloadResolver,
  SnapshotsResolver,
} from './snapshots.resolver';
import { SnapshotsService } from './snapshots.service';

/** Snapshots, restore, and the Instance.snapshots / Snapshot.instance edges. Exports the service for Image.snapshot. */
@Module({
  imports: [InstancesModule],
  providers: [
    SnapshotsApi,
    SnapshotsService,
    SnapshotsResolver,
    InstanceSnapshotsResolver,
    RestoreSnapshotPayloadResolver,
  ],
  exports: [SnapshotsService],
})
export class SnapshotsModule {}
