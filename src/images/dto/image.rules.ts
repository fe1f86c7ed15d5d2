import type { InputCheck } from '../../common/graphql/input-check';
import type { CreateImageFromSnapshotInput, DeleteImageInput } from './image.inputs';

/* Input rules of the image mutations (run by the UserErrorsInterceptor before anything goes upstream). */

const MAX_LABELS = 50;

export function createImageFromSnapshotRules(input: CreateImageFromSnapshotInput, check: InputCheck): void {
  check.id('snapshotId', input.snapshotId, 'Snapshot');
  check.name('name', input.name);
  check.count('labels', input.labels, 0, MAX_LABELS);
  input.labels?.forEach((label, i) => check.at('labels').text(String(i), label, 100, 1));
}

export function deleteImageRules(input: DeleteImageInput, check: InputCheck): void {
  check.id('id', input.id, 'Image');
}
