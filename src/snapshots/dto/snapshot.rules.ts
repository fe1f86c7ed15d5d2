import type { InputCheck } from '../../common/graphql/input-check';
import type { CreateSnapshotInput, DeleteSnapshotInput, RestoreSnapshotInput } from './snapshot.inputs';

/* Input rules of the snapshot mutations (run by the UserErrorsInterceptor before anything goes upstream). */

const MAX_DESCRIPTION = 500;

export function createSnapshotRules(input: CreateSnapshotInput, check: InputCheck): void {
  check.id('instanceId', input.instanceId, 'Instance');
  check.name('name', input.name);
  check.text('description', input.description, MAX_DESCRIPTION);
}

export function deleteSnapshotRules(input: DeleteSnapshotInput, check: InputCheck): void {
  check.id('id', input.id, 'Snapshot');
}

export function restoreSnapshotRules(input: RestoreSnapshotInput, check: InputCheck): void {
  check.id('id', input.id, 'Snapshot');
  check.name('newVmName', input.newVmName, 'newVmName');
}
