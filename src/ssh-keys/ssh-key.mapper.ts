import { REGIONS } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import { type SshKey, SshKeySource, SshKeyType } from './models/ssh-key.model';
import type { components } from '../barrack/contract/barrack-api.types';
import { date, intOrNull } from '../common/mapping/tolerant-values';

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
    ...nodeIds('SshKey', w.key_id),
    name: w.name,
    publicKey: w.public_key,
    fingerprint: w.fingerprint,
    keyType: toSshKeyType(w.key_type),
    keySize: intOrNull(w.key_size),
    source: toSource(w.source),
    regions: (w.regions ?? []).map((r) => REGIONS.fromWire(r)),
    createdAt: date(w.created_at),
  };
}

export function toCreatedSshKey(w: S['CreatedSSHKey']): { sshKey: SshKey; privateKey: string | null } {
  const privateKey = typeof w.private_key === 'string' && w.private_key.length > 0 ? w.private_key : null;
  return { sshKey: toSshKey(w), privateKey };
}
