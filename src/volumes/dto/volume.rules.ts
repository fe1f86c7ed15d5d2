import type { InputCheck } from '../../common/graphql/input-check';
import type {
  AttachVolumesInput,
  CloneVolumeInput,
  CreateVolumeInput,
  DeleteVolumeInput,
  DetachVolumesInput,
  ResizeVolumeInput,
} from './volume.inputs';

/* Input rules of the volume mutations (run by the UserErrorsInterceptor before anything goes upstream). */

const MAX_DESCRIPTION = 500;
const MAX_VOLUMES_PER_CALL = 20;

export function createVolumeRules(input: CreateVolumeInput, check: InputCheck): void {
  check.name('name', input.name);
  check.intRange('sizeGb', input.sizeGb, input.imageId ? 100 : 10, 1000);
  check.text('imageId', input.imageId, 128, 1);
  check.text('description', input.description, MAX_DESCRIPTION);
}

export function deleteVolumeRules(input: DeleteVolumeInput, check: InputCheck): void {
  check.id('id', input.id, 'Volume');
}

export function resizeVolumeRules(input: ResizeVolumeInput, check: InputCheck): void {
  check.id('id', input.id, 'Volume');
  check.intRange('sizeGb', input.sizeGb, 10, 1000);
}

export function cloneVolumeRules(input: CloneVolumeInput, check: InputCheck): void {
  check.id('id', input.id, 'Volume');
  check.name('name', input.name);
  check.text('description', input.description, MAX_DESCRIPTION);
}

export function volumeAttachmentRules(
  input: AttachVolumesInput | DetachVolumesInput,
  check: InputCheck,
): void {
  check.id('instanceId', input.instanceId, 'Instance');
  check.ids('volumeIds', input.volumeIds, 'Volume', MAX_VOLUMES_PER_CALL);
}
