import { Injectable } from '@nestjs/common';
import { ScriptsApi } from '../barrack/api/scripts.api';
import type { components } from '../barrack/contract/barrack-api.types';
import { toScript } from '../barrack/mappers/script.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { keyOf } from '../common/graphql/input-check';
import { pageInfo } from '../common/graphql/page.types';
import { assertNonEmpty, assertPage, assertResourceName } from '../instances/input-rules';
import type {
  CreateScriptInput,
  DeleteScriptInput,
  DeleteScriptsInput,
  ScriptsArgs,
  UpdateScriptInput,
} from './dto/script.inputs';
import type {
  DeleteScriptPayload,
  DeleteScriptsPayload,
  Script,
  ScriptPage,
  ScriptPayload,
} from './models/script.model';

type S = components['schemas'];

const MAX_CONTENT = 65_536;
const MAX_DESCRIPTION = 255;
const MAX_BULK = 100;

function checkContent(content: string): string {
  if (content.length < 1 || content.length > MAX_CONTENT) {
    throw new GatewayError('BAD_USER_INPUT', `content must be 1 to ${MAX_CONTENT} characters`, {
      field: 'content',
    });
  }
  return content;
}

function checkDescription(description: string): string {
  const d = description.trim();
  if (d.length > MAX_DESCRIPTION) {
    throw new GatewayError('BAD_USER_INPUT', `description must be at most ${MAX_DESCRIPTION} characters`, {
      field: 'description',
    });
  }
  return d;
}

export function toCreateScriptRequest(input: CreateScriptInput): S['CreateScriptRequest'] {
  return {
    name: assertResourceName('name', input.name),
    content: checkContent(input.content),
    ...(input.description != null ? { description: checkDescription(input.description) } : {}),
  };
}

export function toUpdateScriptRequest(input: UpdateScriptInput): S['UpdateScriptRequest'] {
  const body: S['UpdateScriptRequest'] = {
    ...(input.name != null ? { name: assertResourceName('name', input.name) } : {}),
    ...(input.content != null ? { content: checkContent(input.content) } : {}),
    ...(input.description != null ? { description: checkDescription(input.description) } : {}),
  };
  if (Object.keys(body).length === 0) {
    throw new GatewayError('BAD_USER_INPUT', 'give at least one of name, content or description', {
      field: 'name',
    });
  }
  return body;
}

/** Startup scripts: CRUD plus bulk delete. */
@Injectable()
export class ScriptsService {
  constructor(
    private readonly api: ScriptsApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  async list(ctx: GqlContext, args: ScriptsArgs): Promise<ScriptPage> {
    assertPage(args.page, args.pageSize);
    const search = args.search?.trim();
    if (search && search.length > 100) {
      throw new GatewayError('BAD_USER_INPUT', 'search must be at most 100 characters', { field: 'search' });
    }
    const res = await this.api.list(this.upstream.for(ctx), {
      page: args.page,
      page_size: args.pageSize,
      search: search || undefined,
    });
    const items = (res.data.scripts ?? []).map(toScript);
    return {
      items,
      pageInfo: pageInfo(res.data.pagination?.total ?? items.length, args.page, args.pageSize),
    };
  }

  async get(ctx: GqlContext, id: string): Promise<Script> {
    return toScript((await this.api.get(this.upstream.for(ctx), id)).data);
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
    return { deletedScriptId: res.data?.script_id ?? id, requestId: res.requestId ?? null };
  }

  async deleteMany(ctx: GqlContext, input: DeleteScriptsInput): Promise<DeleteScriptsPayload> {
    assertNonEmpty('ids', input.ids, MAX_BULK);
    const res = await this.api.bulkDelete(this.upstream.for(ctx), {
      script_ids: [...new Set(input.ids.map((id) => keyOf(id, 'Script', 'ids')))],
    });
    return {
      deletedScriptIds: res.data.deleted ?? [],
      failed: (res.data.failed ?? []).map((f) => ({ id: f.script_id, reason: f.reason })),
      requestId: res.requestId ?? null,
    };
  }
}
