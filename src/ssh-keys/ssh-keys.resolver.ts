import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { firstProblemOf } from '../common/graphql/input-check';
import { deleteSshKeyRules } from './dto/ssh-key.rules';
import type { GqlContext } from '../common/context/gql-context';
import type { ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry } from '../common/graphql/node';
import { CreateSshKeyInput, DeleteSshKeyInput, SshKeysArgs } from './dto/ssh-key.inputs';
import { CreateSshKeyPayload, DeleteSshKeyPayload, SshKey, SshKeyConnection } from './models/ssh-key.model';
import { SshKeysService, checkSshKeyInput } from './ssh-keys.service';

@Resolver(() => SshKey)
export class SshKeysResolver implements OnModuleInit {
  constructor(
    private readonly service: SshKeysService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('SshKey', (key, ctx) => this.service.find(ctx, key));
  }

  @Query(() => SshKeyConnection, {
    description: 'SSH keys of the account, searchable, as a Relay connection.',
  })
  @RequireScopes('read')
  sshKeys(@Context() ctx: GqlContext, @Args() args: SshKeysArgs): Promise<ConnectionShape<SshKey>> {
    return this.service.list(ctx, args);
  }

  @Query(() => SshKey, {
    nullable: true,
    description: 'One SSH key by id; null when the account has none with this id.',
  })
  @RequireScopes('read')
  sshKey(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID, description: "The key's `id` (or its `barrackId`)." }) id: string,
  ): Promise<SshKey | null> {
    return this.service.find(ctx, id);
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
