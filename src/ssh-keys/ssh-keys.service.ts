import { Injectable } from '@nestjs/common';
import { SshKeysApi } from '../barrack/api/ssh-keys.api';
import {
  sshKeysOf,
  toCreateSshKeyRequest,
  toCreatedSshKey,
  toDeleteSshKeyPayload,
  toSshKey,
  toSshKeyListQuery,
} from './ssh-key.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError, isNoSuchObject } from '../common/errors/gateway-error';
import { keyOf } from '../common/graphql/input-check';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { lookupKey } from '../common/graphql/node';
import { collectPages } from '../barrack/api/paged-list';
import type { CreateSshKeyInput, DeleteSshKeyInput, SshKeysArgs } from './dto/ssh-key.inputs';
import type { CreateSshKeyPayload, DeleteSshKeyPayload, SshKey } from './models/ssh-key.model';

/** [doc] ssh/creating-keys: up to 50 characters, letters, digits, '_', '-', '.', no spaces. */
const SSH_KEY_NAME = /^[A-Za-z0-9._-]{1,50}$/;
/** An OpenSSH public key line: algorithm, base64 body, optional comment. */
const PUBLIC_KEY =
  /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$/;
const MAX_PUBLIC_KEY = 16_384;

/** The create input, checked and trimmed (in the schema's names; toCreateSshKeyRequest makes the body). */
export function checkSshKeyInput(input: CreateSshKeyInput): { name: string; publicKey?: string } {
  const name = input.name.trim();
  if (!SSH_KEY_NAME.test(name)) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      "name must be 1-50 characters: letters, digits, '_', '-' or '.' (no spaces)",
      { field: 'name' },
    );
  }
  if (input.publicKey === undefined || input.publicKey === null) return { name };
  const key = input.publicKey.trim();
  if (key.length > MAX_PUBLIC_KEY || !PUBLIC_KEY.test(key)) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      'publicKey must be one OpenSSH public key line, e.g. "ssh-ed25519 AAAA... comment"',
      { field: 'publicKey' },
    );
  }
  return { name, publicKey: key };
}

/**
 * SSH keys. A generated private key passes through exactly once: from Barrack's answer into the payload.
 * It is never cached, logged or stored (this mutation is not @Idempotent for that reason: an idempotency
 * record would have to keep it).
 */
@Injectable()
export class SshKeysService {
  constructor(
    private readonly api: SshKeysApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  /**
   * The whole (searched) list, read in pages of 100 and paged here as a connection: offsets of any size work
   * forwards and backwards, and accounts hold few of these.
   */
  async list(ctx: GqlContext, args: SshKeysArgs): Promise<ConnectionShape<SshKey>> {
    assertConnectionArgs(args, 'sshKeys');
    const search = args.search?.trim();
    if (search && search.length > 100) {
      throw new GatewayError('BAD_USER_INPUT', 'search must be at most 100 characters', { field: 'search' });
    }
    const up = this.upstream.for(ctx);
    const all = await collectPages(
      (page, pageSize) => this.api.list(up, toSshKeyListQuery(page, pageSize, search)),
      (d) => sshKeysOf(d),
    );
    return connectionFromArray(all.map(toSshKey), args, 'sshKeys');
  }

  async get(ctx: GqlContext, id: string): Promise<SshKey> {
    return toSshKey((await this.api.get(this.upstream.for(ctx), id)).data);
  }

  /** The lookup by id and node(id): null for an id that names nothing of this account (no call if malformed). */
  async find(ctx: GqlContext, id: string): Promise<SshKey | null> {
    const key = lookupKey(id, 'SshKey');
    if (key === null) return null;
    try {
      return await this.get(ctx, key);
    } catch (e) {
      if (isNoSuchObject(e)) return null;
      throw e;
    }
  }

  async create(ctx: GqlContext, input: CreateSshKeyInput): Promise<CreateSshKeyPayload> {
    const body = toCreateSshKeyRequest(checkSshKeyInput(input));
    const res = await this.api.create(this.upstream.for(ctx), body);
    const { sshKey, privateKey } = toCreatedSshKey(res.data);
    return { sshKey, privateKey, requestId: res.requestId ?? null };
  }

  async delete(ctx: GqlContext, input: DeleteSshKeyInput): Promise<DeleteSshKeyPayload> {
    const id = keyOf(input.id, 'SshKey');
    const res = await this.api.delete(this.upstream.for(ctx), id);
    return toDeleteSshKeyPayload(res.data, id, res.requestId);
  }
}
