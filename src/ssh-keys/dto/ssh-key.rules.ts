import type { InputCheck } from '../../common/graphql/input-check';
import type { DeleteSshKeyInput } from './ssh-key.inputs';

/* Input rules of deleteSshKey; createSshKey's are checkSshKeyInput (shared with its wire mapping). */

export function deleteSshKeyRules(input: DeleteSshKeyInput, check: InputCheck): void {
  check.id('id', input.id, 'SshKey');
}
