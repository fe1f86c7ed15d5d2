import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateRequestBody, validateResponse, validateSchema } from './contract-validator';
import {
  BARRACK_OPERATIONS,
  barrackContractPath,
  loadBarrackContract,
  type OpenApiOperation,
} from './operations';

interface SeedFixture {
  operationId: string;
  method: string;
  path: string;
  request: unknown;
  response200: Record<string, unknown> & { data: Record<string, unknown> };
}

const seed = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/seed-restore-snapshot.json'), 'utf8'),
) as SeedFixture;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function allOperations(): { method: string; path: string; op: OpenApiOperation }[] {
  const doc = loadBarrackContract();
  const out: { method: string; path: string; op: OpenApiOperation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push({ method, path, op });
    }
  }
  return out;
}

function collectRefs(node: unknown, acc: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, acc));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') acc.push(v);
      else collectRefs(v, acc);
    }
  }
  return acc;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, seg) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined),
      doc,
    );
}

describe('Barrack OpenAPI contract: document validity', () => {
  it('is OpenAPI 3.1 and every $ref resolves', () => {
    const doc = loadBarrackContract();
    expect(doc.openapi).toBe('3.1.0');
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(100);
    const broken = refs.filter((r) => resolvePointer(doc, r) === undefined);
    expect(broken).toEqual([]);
  });

  it('gives every operation an operationId, a declared tag, x-provenance, a 2xx and an ErrorResponse-backed error response', () => {
    const doc = loadBarrackContract();
    const tagNames = new Set((doc.tags ?? []).map((t) => t.name));
    const problems: string[] = [];
    for (const { method, path, op } of allOperations()) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId || !/^[a-z][A-Za-z0-9]+$/.test(op.operationId))
        problems.push(`${where}: operationId`);
      if (!op.tags?.length || !op.tags.every((t) => tagNames.has(t))) problems.push(`${where}: tag`);
      if (!['seed', 'doc', 'doc-nav', 'HS', 'inferred'].includes(op['x-provenance'] ?? ''))
        problems.push(`${where}: x-provenance`);
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${where}: no 2xx`);
      const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      if (!errors.includes('401') || !errors.includes('500')) problems.push(`${where}: missing 401/500`);
      for (const s of errors) {
        const ref = (op.responses?.[s] as { $ref?: string }).$ref ?? '';
        const target = resolvePointer(doc, ref) as
          { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
        if (target?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse') {
          problems.push(`${where}: ${s} is not an ErrorResponse`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('compiles every component schema with ajv (draft 2020-12, strict)', () => {
    const names = Object.keys(loadBarrackContract().components.schemas);
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) expect(() => validateSchema(name, {})).not.toThrow();
  });

  it('uses 201 for creates and keeps every path trailing-slashed', () => {
    const ops = allOperations();
    for (const { path } of ops) expect(path.endsWith('/')).toBe(true);
    const created = ops
      .filter(({ op }) => op.responses && '201' in op.responses)
      .map(({ op }) => op.operationId);
    expect(created).toEqual(
      expect.arrayContaining([
        'createInstance',
        'createSnapshot',
        'createVolume',
        'createFirewall',
        'createSshKey',
        'createScript',
        'createImageFromSnapshot',
      ]),
    );
  });
});

describe('Barrack OpenAPI contract: operation catalogue', () => {
  it('lists exactly 68 operations with unique operationIds', () => {
    const ids = allOperations().map(({ op }) => op.operationId);
    expect(ids).toHaveLength(68);
    expect(new Set(ids).size).toBe(68);
  });

  it('BARRACK_OPERATIONS matches the YAML exactly', () => {
    const fromYaml = allOperations()
      .map(({ method, path, op }) => `${op.operationId} ${method} ${path} ${op.tags?.[0] ?? ''}`)
      .sort();
    const fromTs = BARRACK_OPERATIONS.map((o) => `${o.operationId} ${o.method} ${o.path} ${o.tag}`).sort();
    expect(fromTs).toEqual(fromYaml);
  });

  it('takes the first alternative where REFERENCE.md offers several', () => {
    const find = (id: string) => BARRACK_OPERATIONS.find((o) => o.operationId === id);
    expect(find('resizeVolume')).toMatchObject({ method: 'post', path: '/volumes/{volume_id}/resize/' });
    expect(find('updateScript')).toMatchObject({ method: 'put', path: '/scripts/{script_id}/' });
    expect(find('bulkDeleteScripts')).toMatchObject({ method: 'post', path: '/scripts/bulk-delete/' });
    expect(find('createImageFromSnapshot')).toMatchObject({
      method: 'post',
      path: '/snapshots/{snapshot_id}/image/',
    });
    expect(find('restoreSnapshot')).toMatchObject({
      method: 'post',
      path: '/snapshots/{snapshot_id}/restore/',
    });
  });

  it('finds the contract from inside the project', () => {
    expect(barrackContractPath()).toMatch(/contract[\\/]barrack\.openapi\.yaml$/);
  });
});

describe('Barrack OpenAPI contract: seed restore-snapshot page', () => {
  it('accepts the seed request body', () => {
    expect(validateRequestBody('restoreSnapshot', seed.request)).toEqual({ valid: true, errors: [] });
  });

  it('accepts the seed 200 response', () => {
    expect(validateResponse('restoreSnapshot', 200, seed.response200)).toEqual({ valid: true, errors: [] });
  });

  it('embeds the seed response as the 200 example', () => {
    const op = allOperations().find(({ op: o }) => o.operationId === 'restoreSnapshot')?.op;
    const media = (
      op?.responses?.['200'] as { content: Record<string, { examples: Record<string, { value: unknown }> }> }
    ).content['application/json'];
    expect(media?.examples['seed']?.value).toEqual(seed.response200);
  });

  it('rejects a request without new_vm_name or with unknown fields', () => {
    expect(validateRequestBody('restoreSnapshot', {}).valid).toBe(false);
    expect(validateRequestBody('restoreSnapshot', { new_vm_name: 'ok', extra: 1 }).valid).toBe(false);
    expect(validateRequestBody('restoreSnapshot', { new_vm_name: 'x'.repeat(51) }).valid).toBe(false);
  });

  it('rejects a response that drifts from the seed shape', () => {
    const { snapshot: _snapshot, ...withoutSnapshot } = seed.response200;
    expect(validateResponse('restoreSnapshot', 200, withoutSnapshot).valid).toBe(false);
    const badId = { ...seed.response200, data: { ...seed.response200.data, instance_id: 'BRK-901234S' } };
    const result = validateResponse('restoreSnapshot', 200, badId);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('/data/instance_id');
  });
});

describe('validateResponse / validateRequestBody helpers', () => {
  const error = {
    success: false,
    message: 'Snapshot not found',
    error: { code: 'NOT_FOUND', details: { snapshot_id: 'BRK-000001S' } },
    request_id: 'req_1',
    timestamp: '2025-12-11T16:00:00Z',
  };

  it('validates error bodies against ErrorResponse for declared error statuses', () => {
    expect(validateResponse('restoreSnapshot', 404, error).valid).toBe(true);
    expect(validateResponse('restoreSnapshot', 404, { ...error, error: { code: 'NOPE' } }).valid).toBe(false);
  });

  it('reports undeclared statuses as invalid', () => {
    const result = validateResponse('getBalance', 418, error);
    expect(result).toEqual({ valid: false, errors: ['status 418 is not declared for getBalance'] });
  });

  it('validates a paginated list payload including pagination bounds', () => {
    const body = {
      success: true,
      message: 'ok',
      request_id: 'r',
      timestamp: '2025-12-11T16:00:00Z',
      data: { scripts: [], pagination: { page: 1, page_size: 20, total: 0, total_pages: 0 } },
    };
    expect(validateResponse('listScripts', 200, body).valid).toBe(true);
    const tooBig = {
      ...body,
      data: { ...body.data, pagination: { ...body.data.pagination, page_size: 101 } },
    };
    expect(validateResponse('listScripts', 200, tooBig).valid).toBe(false);
  });

  it('requires exactly one boot source on deploy and rejects bodies on body-less operations', () => {
    const base = {
      name: 'train-01',
      gpu_model: 'H100-SXM5-80GB',
      gpu_count: 1,
      region: 'CANADA-1',
      ssh_key_name: 'my-key',
    };
    expect(
      validateRequestBody('createInstance', { ...base, image_name: 'Ubuntu Server 22.04 LTS' }).valid,
    ).toBe(true);
    expect(validateRequestBody('createInstance', base).valid).toBe(false);
    expect(validateRequestBody('createInstance', { ...base, image_name: 'u', volume_name: 'v' }).valid).toBe(
      false,
    );
    expect(validateRequestBody('createInstance', { ...base, image_name: 'u', gpu_count: 3 }).valid).toBe(
      false,
    );
    expect(validateRequestBody('startInstance', undefined).valid).toBe(true);
    expect(validateRequestBody('startInstance', { force: true }).valid).toBe(false);
  });
});
