import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection';
import { Volume } from './volume.model';

@ObjectType({ description: 'A page of volumes (Relay connection), newest first.' })
export class VolumeConnection extends Connection(Volume, 'volumes') {}
