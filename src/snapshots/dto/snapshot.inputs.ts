import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { RegionInput, registerInputEnum } from '../../common/graphql/barrack-enums';
import { ConnectionArgs } from '../../common/graphql/connection';
import { SnapshotStatus } from '../models/snapshot.model';

const SnapshotStatusInput = registerInputEnum(
  'SnapshotStatus',
  SnapshotStatus,
  {
    CREATING: { description: 'Being taken.' },
    SUCCESS: { description: 'Ready.' },
    AVAILABLE: { description: 'Ready (older wording).' },
    ERROR: { description: 'Failed.' },
  },
  'Snapshot state to filter by (the values of SnapshotStatus except UNKNOWN).',
);

const IDEMPOTENCY_KEY_DOC =
  'Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice.';

@ArgsType()
export class SnapshotsArgs extends ConnectionArgs {
  @Field(() => RegionInput, {
    nullable: true,
    description: 'Only snapshots in this region (filtered by Barrack).',
  })
  region?: string;

  @Field(() => SnapshotStatusInput, {
    nullable: true,
    description: 'Only snapshots in this state (filtered by Barrack).',
  })
  status?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the name or id (searched by Barrack).',
  })
  search?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only snapshots of this instance: its `id` (or `barrackId`); filtered in the gateway.',
  })
  instanceId?: string;
}

@InputType({ description: 'A snapshot to take of an ACTIVE instance.' })
export class CreateSnapshotInput {
  @Field(() => ID, { description: 'Instance to snapshot.' })
  instanceId!: string;

  @Field({ description: 'Name, 1-50 characters, unique in the account.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description (at most 500 characters).' })
  description?: string;

  @Field(() => Boolean, { nullable: true, description: 'Take the snapshot to make an image from it.' })
  isImage?: boolean;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'Identifies a snapshot to delete.' })
export class DeleteSnapshotInput {
  @Field(() => ID, { description: 'Snapshot id.' })
  id!: string;
}

@InputType({ description: 'Which snapshot to restore, and the new VM it becomes.' })
export class RestoreSnapshotInput {
  @Field(() => ID, { description: 'Snapshot to restore (its id, or Barrack id).' })
  id!: string;

  @Field({ description: 'Name of the new VM: 1-50 characters (letters, digits, spaces, - _ .), unique.' })
  newVmName!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}
