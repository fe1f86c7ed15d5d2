import type { InputCheck } from '../../common/graphql/input-check';
import type {
  CreateScriptInput,
  DeleteScriptInput,
  DeleteScriptsInput,
  UpdateScriptInput,
} from './script.inputs';

/* Input rules of the startup script mutations (run by the UserErrorsInterceptor before anything goes upstream). */

export const MAX_SCRIPT_CONTENT = 65_536;
const MAX_DESCRIPTION = 255;
const MAX_BULK = 100;

export function createScriptRules(input: CreateScriptInput, check: InputCheck): void {
  check.name('name', input.name);
  check.text('content', input.content, MAX_SCRIPT_CONTENT, 1);
  check.text('description', input.description?.trim(), MAX_DESCRIPTION);
}

export function updateScriptRules(input: UpdateScriptInput, check: InputCheck): void {
  check.id('id', input.id, 'Script');
  if (input.name == null && input.content == null && input.description == null) {
    check.fail(null, 'give at least one of name, content or description');
  }
  check.name('name', input.name);
  check.text('content', input.content, MAX_SCRIPT_CONTENT, 1);
  check.text('description', input.description?.trim(), MAX_DESCRIPTION);
}

export function deleteScriptRules(input: DeleteScriptInput, check: InputCheck): void {
  check.id('id', input.id, 'Script');
}

export function deleteScriptsRules(input: DeleteScriptsInput, check: InputCheck): void {
  check.ids('ids', input.ids, 'Script', MAX_BULK);
}
