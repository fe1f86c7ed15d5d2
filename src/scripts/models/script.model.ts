import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/graphql/page.types';

@ObjectType({ description: 'A stored startup (cloud-init) script, usable when deploying instances.' })
export class Script {
  @Field(() => ID, { description: 'Script id.' })
  id!: string;

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

@ObjectType({ description: 'One page of startup scripts.' })
export class ScriptPage {
  @Field(() => [Script], { description: 'The scripts on this page, in Barrack order.' })
  items!: Script[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Result of createScript or updateScript.' })
export class ScriptPayload {
  @Field(() => Script, { description: 'The script in its new state.' })
  script!: Script;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of deleteScript.' })
export class DeleteScriptPayload {
  @Field(() => ID, { description: 'Id of the deleted script (evict it from client caches).' })
  deletedScriptId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'A script that a bulk delete could not delete.' })
export class ScriptDeleteFailure {
  @Field(() => ID, { description: 'The script id as given.' })
  id!: string;

  @Field({ description: 'Why Barrack did not delete it (e.g. not found).' })
  reason!: string;
}

@ObjectType({
  description: 'Result of deleteScripts: each id is either deleted or failed; nothing is rolled back.',
})
export class DeleteScriptsPayload {
  @Field(() => [ID], { description: 'Ids deleted.' })
  deletedScriptIds!: string[];

  @Field(() => [ScriptDeleteFailure], { description: 'Ids not deleted, with the reason.' })
  failed!: ScriptDeleteFailure[];

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}
