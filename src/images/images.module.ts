import { Module } from '@nestjs/common';
import { ImagesApi } from '../barrack/api/images.api';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { ImagesResolver, SnapshotImageResolver } from './images.resolver';
import { ImagesService } from './images.service';

/** Custom images and the Snapshot.image / Image.snapshot edges. */
@Module({
  imports: [SnapshotsModule],
  providers: [ImagesApi, ImagesService, ImagesResolver, SnapshotImageResolver],
})
export class ImagesModule {}
