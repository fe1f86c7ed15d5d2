import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection';
import { Image } from './image.model';

@ObjectType({ description: 'A page of custom images (Relay connection), newest first.' })
export class ImageConnection extends Connection(Image, 'images') {}
