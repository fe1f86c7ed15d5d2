import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { CLIENT_GQL_DIR, clientCodegenConfig } from './codegen-config';

/*
 * The Apollo Client tier is typed by graphql-codegen (client preset) from the schema the running gateway
 * serves by introspection. The output is committed (test/client/gql/) so `tsc` checks the tests against it;
 * this suite regenerates it from the gateway and fails when the committed copy is stale
 * (fix: `npm run gen:client-types`).
 */

describe('client types generated from the gateway by introspection', () => {
  let gw: TestGateway;
  let dir: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    dir = mkdtempSync(join(tmpdir(), 'bgw-client-types-'));
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('match what codegen writes from the running gateway today', async () => {
    await generate(
      clientCodegenConfig(`${gw.gatewayUrl}/graphql`, { authorization: `Bearer ${gw.keys.demo}` }, dir),
      true,
    );
    const files = readdirSync(dir).sort();
    expect(files).toEqual(readdirSync(CLIENT_GQL_DIR).sort());
    for (const f of files) {
      const fresh = readFileSync(join(dir, f), 'utf8');
      expect({ file: f, upToDate: fresh === readFileSync(join(CLIENT_GQL_DIR, f), 'utf8') }).toEqual({
        file: f,
        upToDate: true,
      });
    }
    // The documents are typed: the deploy mutation's result type names the payload's fields.
    expect(readFileSync(join(dir, 'graphql.ts'), 'utf8')).toContain('export type CreateInstanceMutation');
  });
});
