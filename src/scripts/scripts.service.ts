import { Injectable } from '@nestjs/common';
import { ScriptsApi } from '../barrack/api/scripts.api';
import {
  toBulkDeleteScriptsRequest,
  toCreateScriptRequest,
  toDeleteScriptPayload,
  toDeleteScriptsPayload,
  toScript,
  scriptsOf,
  toScriptListQuery,
  toUpdateScriptRequest,
} from './script.mapper';
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
import { assertNonEmpty } from '../common/validation/input-rules';
import type {
  CreateScriptInput,
  DeleteScriptInput,
  DeleteScriptsInput,
  ScriptsArgs,
  UpdateScriptInput,
} from './dto/script.inputs';
import type { DeleteScriptPayload, DeleteScriptsPayload, Script, ScriptPayload } from './models/script.model';

const MAX_BULK = 100;

/** Startup scripts: CRUD plus bulk delete. */
@Injectable()
export class ScriptsService {
  constructor(
    private readonly api: ScriptsApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  /**
   * The whole (searched) list, read in pages of 100 and paged here as a connection: offsets of any size work
   * forwards and backwards, and accounts hold few of these.
   */
  async list(ctx: GqlContext, args: ScriptsArgs): Promise<ConnectionShape<Script>> {
    assertConnectionArgs(args, 'scripts');
    const search = args.search?.trim();
    if (search && search.length > 100) {
      throw new GatewayError('BAD_USER_INPUT', 'search must be at most 100 characters', { field: 'search' });
    }
    const up = this.upstream.for(ctx);
    const all = await collectPages(
      (page, pageSize) => this.api.list(up, toScriptListQuery(page, pageSize, search)),
      (d) => scriptsOf(d),
    );
    return connectionFromArray(all.map(toScript), args, 'scripts');
  }

  async get(ctx: GqlContext, id: string): Promise<Script> {
    return toScript((await this.api.get(this.upstream.for(ctx), id)).data);
  }

  /** The lookup by id and node(id): null for an id that names nothing of this account (no call if malformed). */
  async find(ctx: GqlContext, id: string): Promise<Script | null> {
    const key = lookupKey(id, 'Script');
    if (key === null) return null;
    try {
      return await this.get(ctx, key);
    } catch (e) {
      if (isNoSuchObject(e)) return null;
      throw e;
    }
  }

  async create(ctx: GqlContext, input: CreateScriptInput): Promise<ScriptPayload> {
    const res = await this.api.create(this.upstream.for(ctx), toCreateScriptRequest(input));
    return { script: toScript(res.data), requestId: res.requestId ?? null };
  }

  async update(ctx: GqlContext, input: UpdateScriptInput): Promise<ScriptPayload> {
    const body = toUpdateScriptRequest(input);
    const res = await this.api.update(this.upstream.for(ctx), keyOf(input.id, 'Script'), body);
    return { script: toScript(res.data), requestId: res.requestId ?? null };
  }

  async delete(ctx: GqlContext, input: DeleteScriptInput): Promise<DeleteScriptPayload> {
    const id = keyOf(input.id, 'Script');
    const res = await this.api.delete(this.upstream.for(ctx), id);
    return toDeleteScriptPayload(res.data, id, res.requestId);
  }

  async deleteMany(ctx: GqlContext, input: DeleteScriptsInput): Promise<DeleteScriptsPayload> {
    assertNonEmpty('ids', input.ids, MAX_BULK);
    const res = await this.api.bulkDelete(
      this.upstream.for(ctx),
      toBulkDeleteScriptsRequest(input.ids.map((id) => keyOf(id, 'Script', 'ids'))),
    );
    return toDeleteScriptsPayload(res.data, res.requestId);
  }
}
