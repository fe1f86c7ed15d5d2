import { REGIONS } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import { type DeleteSshKeyPayload, type SshKey, SshKeySource, SshKeyType } from './models/ssh-key.model';
import type { SshKeyList } from '../barrack/api/ssh-keys.api';
import { toGlobalId } from '../common/graphql/global-id';
import type { components } from '../barrack/contract/barrack-api.types';
import { date, intOrNull } from '../common/mapping/tolerant-values';
import { toPageQuery } from '../common/mapping/wire-values';

type S = components['schemas'];

export function toSshKeyType(w: string | null | undefined): SshKeyType {
  switch ((w ?? '').toLowerCase()) {
    case 'rsa':
      return SshKeyType.RSA;
    case 'ed25519':
      return SshKeyType.ED25519;
    case 'ecdsa':
      return SshKeyType.ECDSA;
    default:
      return SshKeyType.UNKNOWN;
  }
}

function toSource(w: string | null | undefined): SshKeySource {
  if (w === 'created') return SshKeySource.CREATED;
  if (w === 'imported') return SshKeySource.IMPORTED;
  return SshKeySource.UNKNOWN;
}

/** Never copies `private_key`: only the create payload carries it, explicitly (see toCreatedSshKey). */
export function toSshKey(w: S['SSHKeyResponse']): SshKey {
  return {
    name: w.name,
    publicKey: w.public_key,
    fingerprint: w.fingerprint,
    keyType: toSshKeyType(w.key_type),
    keySize: intOrNull(w.key_size),
    source: toSource(w.source),
    regions: (w.regions ?? []).map((r) => REGIONS.fromWire(r)),
    createdAt: date(w.created_at),
    ...nodeIds('SshKey', w.key_id),
  };
}

export function toCreatedSshKey(w: S['CreatedSSHKey']): { sshKey: SshKey; privateKey: string | null } {
  const privateKey = typeof w.private_key === 'string' && w.private_key.length > 0 ? w.private_key : null;
  return { sshKey: toSshKey(w), privateKey };
}

/** One page of the (searched) list; an empty search is no filter. */
export const toSshKeyListQuery = toPageQuery;

/** The keys of one list page. */
export function sshKeysOf(w: Pick<SshKeyList, 'ssh_keys'>): S['SSHKeyResponse'][] {
  return w.ssh_keys;
}

/** The create body from the checked input: without a public key Barrack generates the pair. */
export function toCreateSshKeyRequest(checked: {
  name: string;
  publicKey?: string;
}): S['CreateSSHKeyRequest'] {
  return checked.publicKey === undefined
    ? { name: checked.name }
    : { name: checked.name, public_key: checked.publicKey };
}

/** Barrack's delete answer; the key asked for when the answer leaves its id out. */
export function toDeleteSshKeyPayload(
  w: { key_id?: string } | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteSshKeyPayload {
  return {
    deletedSshKeyId: toGlobalId('SshKey', w?.key_id ?? askedKey),
    requestId: requestId ?? null,
  };
}
