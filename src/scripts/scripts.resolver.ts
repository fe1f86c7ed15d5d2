import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import {
  createScriptRules,
  deleteScriptRules,
  deleteScriptsRules,
  updateScriptRules,
} from './dto/script.rules';
import type { GqlContext } from '../common/context/gql-context';
import type { ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry } from '../common/graphql/node';
import {
  CreateScriptInput,
  DeleteScriptInput,
  DeleteScriptsInput,
  ScriptsArgs,
  UpdateScriptInput,
} from './dto/script.inputs';
import {
  DeleteScriptPayload,
  DeleteScriptsPayload,
  Script,
  ScriptConnection,
  ScriptPayload,
} from './models/script.model';
import { ScriptsService } from './scripts.service';

@Resolver(() => Script)
export class ScriptsResolver implements OnModuleInit {
  constructor(
    private readonly service: ScriptsService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Script', (key, ctx) => this.service.find(ctx, key));
  }

  @Query(() => ScriptConnection, {
    description: 'Startup scripts of the account, searchable, as a Relay connection.',
  })
  @RequireScopes('read')
  scripts(@Context() ctx: GqlContext, @Args() args: ScriptsArgs): Promise<ConnectionShape<Script>> {
    return this.service.list(ctx, args);
  }

  @Query(() => Script, {
    nullable: true,
    description: 'One startup script by id; null when the account has none with this id.',
  })
  @RequireScopes('read')
  script(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID, description: "The script's `id` (or its `barrackId`)." }) id: string,
  ): Promise<Script | null> {
    return this.service.find(ctx, id);
  }

  @Mutation(() => ScriptPayload, { description: 'Stores a startup script (NAME_TAKEN for a used name).' })
  @RequireScopes('write')
  @MutationRules(createScriptRules)
  createScript(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The new script.' }) input: CreateScriptInput,
  ): Promise<ScriptPayload> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => ScriptPayload, { description: 'Changes a startup script; only the given fields change.' })
  @RequireScopes('write')
  @MutationRules(updateScriptRules)
  updateScript(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The changes.' }) input: UpdateScriptInput,
  ): Promise<ScriptPayload> {
    return this.service.update(ctx, input);
  }

  @Mutation(() => DeleteScriptPayload, { description: 'Deletes one startup script.' })
  @RequireScopes('write')
  @MutationRules(deleteScriptRules)
  deleteScript(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The script to delete.' }) input: DeleteScriptInput,
  ): Promise<DeleteScriptPayload> {
    return this.service.delete(ctx, input);
  }

  @Mutation(() => DeleteScriptsPayload, {
    description: 'Deletes several startup scripts in one Barrack call; unknown ids are reported in `failed`.',
  })
  @RequireScopes('write')
  @MutationRules(deleteScriptsRules)
  deleteScripts(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'The scripts to delete.' }) input: DeleteScriptsInput,
  ): Promise<DeleteScriptsPayload> {
    return this.service.deleteMany(ctx, input);
  }
}
