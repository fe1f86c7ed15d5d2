import type { components } from '../../src/barrack/contract/barrack-api.types';
import { nameTaken, notFound } from '../sim-error';
import type { SimScript } from '../sim-state';
import { scriptView } from '../sim-views';
import { bodyOf, paginate, param, type HandlerContext, type HandlerTable } from './handler';

type S = components['schemas'];

function findScript(ctx: HandlerContext, id: string): SimScript {
  const s = ctx.account.scripts.get(id);
  if (!s) throw notFound('script', id);
  return s;
}

function assertNameFree(ctx: HandlerContext, name: string, exceptId?: string): void {
  for (const s of ctx.account.scripts.values()) {
    if (s.name === name && s.id !== exceptId) throw nameTaken('script', name);
  }
}

export const scriptHandlers: HandlerTable = {
  listScripts: (ctx) => {
    const page = paginate(ctx, [...ctx.account.scripts.values()], (s) => [s.name, s.id]);
    return {
      message: 'Scripts retrieved successfully',
      data: { scripts: page.items.map(scriptView), pagination: page.pagination },
    };
  },

  createScript: (ctx) => {
    const body = bodyOf<S['CreateScriptRequest']>(ctx);
    assertNameFree(ctx, body.name);
    const now = ctx.sim.clock.nowMs();
    const s: SimScript = {
      id: ctx.sim.nextId('C'),
      name: body.name,
      description: body.description ?? null,
      content: body.content,
      createdAt: now,
      updatedAt: now,
    };
    ctx.account.scripts.set(s.id, s);
    return { status: 201, message: 'Script created', data: scriptView(s) };
  },

  getScript: (ctx) => ({
    message: 'Script retrieved successfully',
    data: scriptView(findScript(ctx, param(ctx, 'script_id'))),
  }),

  updateScript: (ctx) => {
    const s = findScript(ctx, param(ctx, 'script_id'));
    const body = bodyOf<S['UpdateScriptRequest']>(ctx);
    if (body.name !== undefined) assertNameFree(ctx, body.name, s.id);
    if (body.name !== undefined) s.name = body.name;
    if (body.content !== undefined) s.content = body.content;
    if (body.description !== undefined) s.description = body.description;
    s.updatedAt = ctx.sim.clock.nowMs();
    return { message: 'Script updated', data: scriptView(s) };
  },

  deleteScript: (ctx) => {
    const s = findScript(ctx, param(ctx, 'script_id'));
    ctx.account.scripts.delete(s.id);
    return { message: 'Script deleted', data: { script_id: s.id } };
  },

  bulkDeleteScripts: (ctx) => {
    const { script_ids } = bodyOf<S['BulkDeleteScriptsRequest']>(ctx);
    const deleted: string[] = [];
    const failed: { script_id: string; reason: string }[] = [];
    for (const id of script_ids) {
      if (ctx.account.scripts.delete(id)) deleted.push(id);
      else failed.push({ script_id: id, reason: 'not found' });
    }
    return { message: 'Scripts deleted', data: { deleted, failed } };
  },
};
