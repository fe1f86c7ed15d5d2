import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { Instance } from '../../instances/models/instance.model';
import { Snapshot } from './snapshot.model';

@ObjectType({ description: 'Result of restoreSnapshot.' })
export class RestoreSnapshotPayload extends MutationPayload {
  @Field(() => Instance, {
    nullable: true,
    description:
      "The new VM, read back from Barrack after the restore (Barrack's restore answer when the read-back fails).",
  })
  instance?: Instance | null;

  /** Barrack key of the snapshot restored from (resolved into `sourceSnapshot`; not a schema field). */
  sourceSnapshotKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Infrastructure tier Barrack reports (e.g. "legacy").',
  })
  tier?: string | null;
}

@ObjectType({ description: 'Result of createSnapshot.' })
export class CreateSnapshotPayload extends MutationPayload {
  @Field(() => Snapshot, { nullable: true, description: 'The new snapshot (CREATING until ready).' })
  snapshot?: Snapshot | null;
}

@ObjectType({ description: 'Result of deleteSnapshot.' })
export class DeleteSnapshotPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted snapshot.' })
  deletedSnapshotId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The image deleted with it, when one had been made from it.',
  })
  deletedImageId?: string | null;
}
