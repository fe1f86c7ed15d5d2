import { Module } from '@nestjs/common';
import { VolumesApi } from '../barrack/api/volumes.api';
import { InstancesModule } from '../instances/instances.module';
import {
  InstanceVolumesResolver,
  VolumeAttachmentsPayloadResolver,
  VolumesResolver,
} from './volumes.resolver';
import { VolumesService } from './volumes.service';

/** Volumes, attachment, and the Instance.volumes / Volume.attachedTo edges. */
@Module({
  imports: [InstancesModule],
  providers: [
    VolumesApi,
    VolumesService,
    VolumesResolver,
    InstanceVolumesResolver,
    VolumeAttachmentsPayloadResolver,
  ],
})
export class VolumesModule {}
