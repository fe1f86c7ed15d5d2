import { toGlobalId } from '../common/graphql/global-id';
import { GatewayError } from '../common/errors/gateway-error';
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

describe('script mapper', () => {
  it('maps a script', () => {
    expect(
      toScript({
        script_id: 'C',
        name: 'n',
        content: 'x',
        description: null,
        created_at: '2025-06-01T00:00:00Z',
      }),
    ).toEqual({
      id: toGlobalId('Script', 'C'),
      barrackId: 'C',
      name: 'n',
      description: null,
      content: 'x',
      createdAt: new Date('2025-06-01T00:00:00Z'),
      updatedAt: null,
    });
  });

  it('builds create and partial update bodies', () => {
    expect(toCreateScriptRequest({ name: ' boot ', content: 'echo hi', description: ' d ' })).toEqual({
      name: 'boot',
      content: 'echo hi',
      description: 'd',
    });
    expect(toUpdateScriptRequest({ id: 'C', content: 'echo 2' })).toEqual({ content: 'echo 2' });
  });

  it('rejects an empty update, empty or huge content and a bad name', () => {
    expect(() => toUpdateScriptRequest({ id: 'C' })).toThrow(GatewayError);
    expect(() => toCreateScriptRequest({ name: 'ok', content: '' })).toThrow(/content/);
    expect(() => toCreateScriptRequest({ name: 'ok', content: 'x'.repeat(65_537) })).toThrow(/content/);
    expect(() => toCreateScriptRequest({ name: 'no/slash', content: 'x' })).toThrow(/name/);
  });

  it('builds the list query and the bulk delete body, and reads the delete answers', () => {
    expect(toScriptListQuery(2, 100, 'boot')).toEqual({ page: 2, page_size: 100, search: 'boot' });
    expect(toScriptListQuery(1, 100, '')).toEqual({ page: 1, page_size: 100, search: undefined });
    const page = { script_id: 'C', name: 'n', content: 'x', created_at: '2025-06-01T00:00:00Z' };
    expect(scriptsOf({ scripts: [page] })).toEqual([page]);
    expect(toBulkDeleteScriptsRequest(['A', 'B', 'A'])).toEqual({ script_ids: ['A', 'B'] });
    expect(toDeleteScriptPayload({ script_id: 'C' }, 'X', 'r')).toEqual({
      deletedScriptId: toGlobalId('Script', 'C'),
      requestId: 'r',
    });
    expect(toDeleteScriptPayload(undefined, 'X', undefined)).toEqual({
      deletedScriptId: toGlobalId('Script', 'X'),
      requestId: null,
    });
    expect(
      toDeleteScriptsPayload({ deleted: ['A'], failed: [{ script_id: 'B', reason: 'not found' }] }, 'r'),
    ).toEqual({
      deletedScriptIds: [toGlobalId('Script', 'A')],
      failed: [{ scriptId: 'B', reason: 'not found' }],
      requestId: 'r',
    });
    expect(toDeleteScriptsPayload({}, undefined)).toEqual({
      deletedScriptIds: [],
      failed: [],
      requestId: null,
    });
  });
});
