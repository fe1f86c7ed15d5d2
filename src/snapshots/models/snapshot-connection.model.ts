import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection';
import { Snapshot } from './snapshot.model';

@ObjectType({ description: 'A page of snapshots (Relay connection), newest first.' })
export class SnapshotConnection extends Connection(Snapshot, 'snapshots') {}
