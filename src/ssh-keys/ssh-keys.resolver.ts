import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { firstProblemOf } from '../common/graphql/input-check';
import { deleteSshKeyRules } from './dto/ssh-key.rules';
import type { GqlContext } from '../common/context/gql-context';
import { CreateSshKeyInput, DeleteSshKeyInput, SshKeysArgs } from './dto/ssh-key.inputs';
import { CreateSshKeyPayload, DeleteSshKeyPayload, SshKey, SshKeyPage } from './models/ssh-key.model';
import { SshKeysService, checkSshKeyInput } from './ssh-keys.service';

@Resolver(() => SshKey)
export class SshKeysResolver {
  constructor(private readonly service: SshKeysService) {}

  @Query(() => SshKeyPage, { description: 'SSH keys of the account, paged and searchable.' })
  @RequireScopes('read')
  sshKeys(@Context() ctx: GqlContext, @Args() args: SshKeysArgs): Promise<SshKeyPage> {
    return this.service.list(ctx, args);
  }

  @Query(() => SshKey, { description: 'One SSH key by id (NOT_FOUND when it does not exist).' })
  @RequireScopes('read')
  sshKey(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID, description: 'Key id.' }) id: string,
  ): Promise<SshKey> {
    return this.service.get(ctx, id);
  }

  @Mutation(() => CreateSshKeyPayload, {
    description:
      'Imports a public key, or (without publicKey) has Barrack generate a pair: then `privateKey` in the payload is the ONLY time the private key is ever returned. NAME_TAKEN for a used name.',
  })
  @RequireScopes('write')
  @MutationRules(firstProblemOf(checkSshKeyInput))
  createSshKey(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The key to create or import.' }) input: CreateSshKeyInput,
  ): Promise<CreateSshKeyPayload> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => DeleteSshKeyPayload, {
    description: 'Deletes an SSH key (CONFLICT while running instances use it).',
  })
  @RequireScopes('write')
  @MutationRules(deleteSshKeyRules)
  deleteSshKey(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The key to delete.' }) input: DeleteSshKeyInput,
  ): Promise<DeleteSshKeyPayload> {
    return this.service.delete(ctx, input);
  }
}
