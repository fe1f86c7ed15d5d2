import { Field, ObjectType } from '@nestjs/graphql';
import { Protocol } from '../../common/graphql/barrack-enums';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'An IP protocol Barrack accepts in firewall and security rules.' })
export class FirewallProtocol extends CatalogEntry {
  @Field(() => Protocol, { description: 'The protocol, as used in rule inputs.' })
  protocol!: Protocol;

  @Field({ description: 'Protocol name as Barrack writes it, e.g. "ipv6-icmp".' })
  name!: string;
}
