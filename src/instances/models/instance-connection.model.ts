import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection';
import { Instance } from './instance.model';

@ObjectType({ description: 'A page of instances (Relay connection), in the requested order.' })
export class InstanceConnection extends Connection(Instance, 'instances') {}
