import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { components } from '../../src/barrack/contract/barrack-api.types';
import { SimError, invalid, nameTaken, notFound } from '../sim-error';
import type { SimSshKey } from '../sim-state';
import { sshKeyView } from '../sim-views';
import { bodyOf, paginate, param, type HandlerContext, type HandlerTable } from './handler';

type S = components['schemas'];

const KEY_TYPES: Record<string, { type: S['SshKeyTypeEnum'] | undefined; bits: number | null }> = {
  'ssh-rsa': { type: 'RSA', bits: null },
  'ssh-ed25519': { type: 'Ed25519', bits: 256 },
  'ssh-dss': { type: undefined, bits: 1024 },
  'ecdsa-sha2-nistp256': { type: 'ECDSA', bits: 256 },
  'ecdsa-sha2-nistp384': { type: 'ECDSA', bits: 384 },
  'ecdsa-sha2-nistp521': { type: 'ECDSA', bits: 521 },
};

function sshString(buf: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
}

function mpint(raw: Buffer): Buffer {
  let b = raw;
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  return sshString((b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

/** Reads the length-prefixed fields of an OpenSSH public key blob; throws on truncation. */
function readFields(blob: Buffer, count: number): Buffer[] {
  const out: Buffer[] = [];
  let off = 0;
  for (let i = 0; i < count; i++) {
    if (off + 4 > blob.length) throw new Error('truncated');
    const len = blob.readUInt32BE(off);
    if (off + 4 + len > blob.length) throw new Error('truncated');
    out.push(blob.subarray(off + 4, off + 4 + len));
    off += 4 + len;
  }
  return out;
}

function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

interface ParsedKey {
  publicKey: string;
  type: S['SshKeyTypeEnum'] | undefined;
  bits: number | null;
  fingerprint: string;
}

/** Imported keys must be one OpenSSH line whose base64 blob names the same key type [doc ssh/importing-keys]. */
export function parsePublicKey(line: string): ParsedKey {
  const bad = () => invalid('public_key is not a valid OpenSSH public key', { field: 'public_key' });
  const parts = line.trim().split(/\s+/);
  const [kind, b64] = parts;
  const known = kind ? KEY_TYPES[kind] : undefined;
  if (!kind || !b64 || !known || line.includes('\n') || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw bad();
  const blob = Buffer.from(b64, 'base64');
  let bits = known.bits;
  try {
    const [name] = readFields(blob, 1);
    if (name?.toString() !== kind) throw bad();
    if (kind === 'ssh-rsa') {
      const [, , n] = readFields(blob, 3);
      let nb = n ?? Buffer.alloc(0);
      while (nb.length > 0 && nb[0] === 0) nb = nb.subarray(1);
      bits = nb.length * 8 - Math.clz32(nb[0] ?? 0) + 24;
      if (bits < 1024) throw bad();
    }
  } catch (e) {
    if (e instanceof SimError) throw e;
    throw bad();
  }
  return { publicKey: parts.slice(0, 3).join(' '), type: known.type, bits, fingerprint: fingerprint(blob) };
}

/** A real RSA-2048 pair, generated only when a client asks the server to create a key [doc ssh/creating-keys]. */
export function generateRsaKey(comment: string): {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
} {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const jwk = createPublicKey(publicKey).export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    mpint(Buffer.from(jwk.e ?? '', 'base64url')),
    mpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
  return {
    publicKey: `ssh-rsa ${blob.toString('base64')} ${comment}`,
    privateKey,
    fingerprint: fingerprint(blob),
  };
}

function findKey(ctx: HandlerContext, id: string): SimSshKey {
  const k = ctx.account.sshKeys.get(id);
  if (!k) throw notFound('ssh key', id);
  return k;
}

export const sshKeyHandlers: HandlerTable = {
  listSshKeys: (ctx) => {
    const page = paginate(ctx, [...ctx.account.sshKeys.values()], (k) => [k.name, k.id]);
    return {
      message: 'SSH keys retrieved successfully',
      data: { ssh_keys: page.items.map(sshKeyView), pagination: page.pagination },
    };
  },

  createSshKey: (ctx) => {
    const body = bodyOf<S['CreateSSHKeyRequest']>(ctx);
    for (const k of ctx.account.sshKeys.values())
      if (k.name === body.name) throw nameTaken('ssh key', body.name);
    const now = ctx.sim.clock.nowMs();
    const id = ctx.sim.nextId('K');
    let key: SimSshKey;
    let privateKey: string | null = null;
    if (body.public_key !== undefined) {
      const parsed = parsePublicKey(body.public_key);
      key = {
        id,
        name: body.name,
        publicKey: parsed.publicKey,
        fingerprint: parsed.fingerprint,
        keyType: parsed.type,
        keySize: parsed.bits,
        source: 'imported',
        createdAt: now,
      };
    } else {
      const gen = generateRsaKey(body.name);
      privateKey = gen.privateKey;
      key = {
        id,
        name: body.name,
        publicKey: gen.publicKey,
        fingerprint: gen.fingerprint,
        keyType: 'RSA',
        keySize: 2048,
        source: 'created',
        createdAt: now,
      };
    }
    ctx.account.sshKeys.set(id, key);
    // The private half is never stored: this response is the only place it ever appears.
    return { status: 201, message: 'SSH key created', data: { ...sshKeyView(key), private_key: privateKey } };
  },

  getSshKey: (ctx) => ({
    message: 'SSH key retrieved successfully',
    data: sshKeyView(findKey(ctx, param(ctx, 'key_id'))),
  }),

  deleteSshKey: (ctx) => {
    const k = findKey(ctx, param(ctx, 'key_id'));
    const users = ctx.sim
      .liveInstances(ctx.account)
      .filter((i) => i.status === 'ACTIVE' && i.sshKeyName === k.name)
      .map((i) => i.id);
    if (users.length > 0) {
      throw new SimError(409, 'RESOURCE_IN_USE', 'The key is in use by active instances', {
        instance_ids: users,
      });
    }
    ctx.account.sshKeys.delete(k.id);
    return { message: 'SSH key deleted', data: { key_id: k.id } };
  },
};
