import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '../../common/graphql/connection';

@ArgsType()
export class SshKeysArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive part of the name or id (sent to Barrack).',
  })
  search?: string | null;
}

@InputType({
  description:
    'A new SSH key. With `publicKey` the key is imported; without it Barrack generates an RSA-2048 pair and the payload carries the private key once.',
})
export class CreateSshKeyInput {
  @Field({ description: 'Up to 50 characters: letters, digits, _, -, . (no spaces); unique in the account.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'OpenSSH public key to import, e.g. "ssh-ed25519 AAAA... me@laptop". Omit to generate a pair.',
  })
  publicKey?: string | null;
}

@InputType({
  description: 'The SSH key to delete. A key used by running instances cannot be deleted (CONFLICT).',
})
export class DeleteSshKeyInput {
  @Field(() => ID, { description: 'Key id.' })
  id!: string;
}
