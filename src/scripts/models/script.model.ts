import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Connection } from '../../common/graphql/connection';

@ObjectType({
  description: 'A stored startup (cloud-init) script, usable when deploying instances.',
  implements: () => [Node],
})
export class Script implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: BARRACK_ID_DOC })
  barrackId!: string;

  @Field({ description: 'Name (1-50 characters, unique in the account).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field({ description: 'Script body (cloud-init or shell), up to 64 KiB.' })
  content!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the script was created.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the script was last changed.' })
  updatedAt!: Date | null;
}

@ObjectType({ description: 'A page of startup scripts (Relay connection), in Barrack order.' })
export class ScriptConnection extends Connection(Script, 'scripts') {}

@ObjectType({ description: 'Result of createScript or updateScript.' })
export class ScriptPayload extends MutationPayload {
  @Field(() => Script, { nullable: true, description: 'The script in its new state.' })
  script?: Script | null;
}

@ObjectType({ description: 'Result of deleteScript.' })
export class DeleteScriptPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted script (evict it from client caches).' })
  deletedScriptId?: string | null;
}

@ObjectType({ description: 'A script that a bulk delete could not delete.' })
export class ScriptDeleteFailure {
  @Field(() => ID, { description: 'The script id as given (not a Node id: a failure is not an object).' })
  scriptId!: string;

  @Field({ description: 'Why Barrack did not delete it (e.g. not found).' })
  reason!: string;
}

@ObjectType({
  description: 'Result of deleteScripts: each id is either deleted or failed; nothing is rolled back.',
})
export class DeleteScriptsPayload extends MutationPayload {
  @Field(() => [ID], { nullable: true, description: 'Ids deleted.' })
  deletedScriptIds?: string[] | null;

  @Field(() => [ScriptDeleteFailure], { nullable: true, description: 'Ids not deleted, with the reason.' })
  failed?: ScriptDeleteFailure[] | null;
}
