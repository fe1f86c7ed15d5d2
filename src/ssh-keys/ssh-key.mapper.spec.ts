import { toGlobalId } from '../common/graphql/global-id';
import { SshKeySource, SshKeyType } from './models/ssh-key.model';
import {
  sshKeysOf,
  toCreateSshKeyRequest,
  toCreatedSshKey,
  toDeleteSshKeyPayload,
  toSshKey,
  toSshKeyListQuery,
} from './ssh-key.mapper';

const wire = {
  key_id: 'BRK-000001K',
  name: 'laptop',
  public_key: 'ssh-rsa AAAA',
  fingerprint: 'SHA256:abc',
  key_type: 'RSA' as const,
  key_size: 2048,
  source: 'created' as const,
  regions: ['NORWAY-1' as const, 'US-1' as const],
  created_at: '2025-06-01T10:00:00Z',
};

describe('ssh key mapper', () => {
  it('maps a key', () => {
    expect(toSshKey(wire)).toEqual({
      id: toGlobalId('SshKey', 'BRK-000001K'),
      barrackId: 'BRK-000001K',
      name: 'laptop',
      publicKey: 'ssh-rsa AAAA',
      fingerprint: 'SHA256:abc',
      keyType: SshKeyType.RSA,
      keySize: 2048,
      source: SshKeySource.CREATED,
      regions: ['NORWAY_1', 'US_1'],
      createdAt: new Date('2025-06-01T10:00:00Z'),
    });
  });

  it('never puts the private key on the key object; only the create result carries it', () => {
    const created = toCreatedSshKey({ ...wire, private_key: '-----BEGIN OPENSSH PRIVATE KEY-----\n...' });
    expect(created.privateKey).toContain('PRIVATE KEY');
    expect(JSON.stringify(created.sshKey)).not.toContain('PRIVATE');
    expect(toSshKey({ ...wire, private_key: 'secret' } as never)).not.toHaveProperty('privateKey');
    expect(toCreatedSshKey({ ...wire, source: 'imported', private_key: null }).privateKey).toBeNull();
  });

  it('maps unknown key types and sources to UNKNOWN', () => {
    const k = toSshKey({ ...wire, key_type: 'DSA' as never, source: undefined, key_size: null });
    expect([k.keyType, k.source, k.keySize]).toEqual([SshKeyType.UNKNOWN, SshKeySource.UNKNOWN, null]);
  });

  it('builds the list query and the create body, and reads a list page and the delete answer', () => {
    expect(toSshKeyListQuery(1, 100, 'lap')).toEqual({ page: 1, page_size: 100, search: 'lap' });
    expect(toSshKeyListQuery(3, 50, undefined)).toEqual({ page: 3, page_size: 50, search: undefined });
    expect(sshKeysOf({ ssh_keys: [wire] })).toEqual([wire]);
    expect(toCreateSshKeyRequest({ name: 'k' })).toEqual({ name: 'k' });
    expect(toCreateSshKeyRequest({ name: 'k', publicKey: 'ssh-ed25519 AAAA me' })).toEqual({
      name: 'k',
      public_key: 'ssh-ed25519 AAAA me',
    });
    expect(toDeleteSshKeyPayload({ key_id: 'BRK-2K' }, 'BRK-1K', 'r')).toEqual({
      deletedSshKeyId: toGlobalId('SshKey', 'BRK-2K'),
      requestId: 'r',
    });
    expect(toDeleteSshKeyPayload(undefined, 'BRK-1K', undefined)).toEqual({
      deletedSshKeyId: toGlobalId('SshKey', 'BRK-1K'),
      requestId: null,
    });
  });
});
