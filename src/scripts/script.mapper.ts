import type { DeleteScriptPayload, DeleteScriptsPayload, Script } from './models/script.model';
import type { CreateScriptInput, UpdateScriptInput } from './dto/script.inputs';
import { GatewayError } from '../common/errors/gateway-error';
import { toGlobalId } from '../common/graphql/global-id';
import { assertResourceName } from '../common/validation/input-rules';
import type { ScriptList } from '../barrack/api/scripts.api';
import { nodeIds } from '../common/graphql/node';
import type { components } from '../barrack/contract/barrack-api.types';
import { date, dateOrNull, stringOrNull } from '../common/mapping/tolerant-values';
import { toPageQuery } from '../common/mapping/wire-values';

type S = components['schemas'];

export function toScript(w: S['Script']): Script {
  return {
    name: w.name,
    description: stringOrNull(w.description),
    content: w.content,
    createdAt: date(w.created_at),
    updatedAt: dateOrNull(w.updated_at),
    ...nodeIds('Script', w.script_id),
  };
}

const MAX_CONTENT = 65_536;
const MAX_DESCRIPTION = 255;

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

/** One page of the (searched) list; an empty search is no filter. */
export const toScriptListQuery = toPageQuery;

/** The scripts of one list page. */
export function scriptsOf(w: Pick<ScriptList, 'scripts'>): S['Script'][] {
  return w.scripts;
}

/** Barrack's delete answer; the script asked for when the answer leaves its id out. */
export function toDeleteScriptPayload(
  w: { script_id?: string } | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteScriptPayload {
  return {
    deletedScriptId: toGlobalId('Script', w?.script_id ?? askedKey),
    requestId: requestId ?? null,
  };
}

/** The bulk delete body: each Barrack key once. */
export function toBulkDeleteScriptsRequest(scriptKeys: readonly string[]): S['BulkDeleteScriptsRequest'] {
  return { script_ids: [...new Set(scriptKeys)] };
}

export function toDeleteScriptsPayload(
  w: Partial<S['BulkDeleteScriptsResult']>,
  requestId: string | undefined,
): DeleteScriptsPayload {
  return {
    deletedScriptIds: (w.deleted ?? []).map((k) => toGlobalId('Script', k)),
    failed: (w.failed ?? []).map((f) => ({ scriptId: f.script_id, reason: f.reason })),
    requestId: requestId ?? null,
  };
}
