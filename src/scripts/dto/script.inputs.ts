import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '../../common/graphql/connection';

@ArgsType()
export class ScriptsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive part of the name or id (sent to Barrack).',
  })
  search?: string | null;
}

@InputType({ description: 'A new startup script.' })
export class CreateScriptInput {
  @Field({ description: "1-50 characters: letters, digits, spaces, '-', '_', '.'; unique in the account." })
  name!: string;

  @Field({ description: 'Script body, 1 character to 64 KiB.' })
  content!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description, up to 255 characters.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a startup script: only the fields given change; give at least one.' })
export class UpdateScriptInput {
  @Field(() => ID, { description: 'Script id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New body.' })
  content?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;
}

@InputType({ description: 'The startup script to delete.' })
export class DeleteScriptInput {
  @Field(() => ID, { description: 'Script id.' })
  id!: string;
}

@InputType({ description: 'Startup scripts to delete in one call.' })
export class DeleteScriptsInput {
  @Field(() => [ID], { description: '1 to 100 script ids.' })
  ids!: string[];
}
