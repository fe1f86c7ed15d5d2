import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { startHttpGateway, type HttpGateway } from './http-test-kit';

/* Issue 13 item 1: "codegen from the URL works": graphql-codegen introspects the running gateway with a key. */

describe('graphql-codegen against the gateway URL', () => {
  let gw: HttpGateway;
  let dir: string;

  beforeAll(async () => {
    gw = await startHttpGateway();
    dir = mkdtempSync(join(tmpdir(), 'bgw-codegen-'));
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates typed documents (client preset) from the introspected schema', async () => {
    const doc = join(dir, 'viewer.graphql');
    writeFileSync(doc, 'query WhoAmI {\n  viewer {\n    tenantId\n    principalKind\n    scopes\n  }\n}\n');
    const out = join(dir, 'gql') + '/';
    await generate(
      {
        schema: { [`${gw.url}/graphql`]: { headers: gw.auth.apiKey } },
        documents: [doc],
        generates: { [out]: { preset: 'client' } },
        silent: true,
      },
      true,
    );
    const generated = readFileSync(join(out, 'graphql.ts'), 'utf8');
    expect(generated).toMatch(/export type Instance = Node & \{/);
    expect(generated).toMatch(/export type Node = \{/);
    expect(generated).toMatch(/export enum PrincipalKind \{[^}]*ApiKey = 'API_KEY'/);
    expect(generated).toContain('export type WhoAmIQuery');
  });

  it('fails without a credential (INTROSPECTION=authenticated)', async () => {
    await expect(
      generate(
        {
          schema: `${gw.url}/graphql`,
          generates: { [join(dir, 'anon.ts')]: { plugins: ['typescript'] } },
          silent: true,
        },
        true,
      ),
    ).rejects.toThrow();
  });
});
