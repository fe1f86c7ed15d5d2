import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { SignJWT } from 'jose';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';
import { apiKeyEntry, newKey, tempDir, writeTenants } from '../auth/auth-test-kit';

/*
 * A gateway for the HTTP-level suites: one tenant ("acme") with an all-scopes API key, an `ai`-only API key
 * and an HS256 JWT issuer, a small rate-limit plan, and Barrack on a closed port (these suites only read the
 * schema and `viewer`, which never call Barrack; an accidental call fails loudly).
 */

const AUD = 'barrack-gateway';
const ISSUER = 'https://idp.http.test/';
const HS_SECRET = 'an-hs256-secret-of-at-least-32-bytes!!';

/** The query GraphiQL, graphql-codegen and IDE plugins send (every option of graphql-js 16). */
export const STANDARD_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

export interface HttpGateway {
  url: string;
  /** Credential headers per kind. */
  auth: {
    apiKey: Record<string, string>;
    xApiKey: Record<string, string>;
    aiOnlyKey: Record<string, string>;
  };
  jwt(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startHttpGateway(
  opts: { env?: Record<string, string>; plan?: Record<string, number> } = {},
): Promise<HttpGateway> {
  const t = await tempDir();
  const full = newKey();
  const aiOnly = newKey();
  await writeFile(join(t.dir, 'barrack.key'), 'unused-barrack-key\n');
  await writeFile(join(t.dir, 'hs.secret'), `${HS_SECRET}\n`);
  const tenantsFile = join(t.dir, 'tenants.yaml');
  await writeTenants(tenantsFile, [
    {
      id: 'acme',
      name: 'Acme',
      barrackCredential: { file: 'barrack.key' },
      scopes: ['read', 'write', 'ai'],
      plan: opts.plan ?? { requestsPerMinute: 1000, burst: 0, costPerMinute: 1_000_000 },
      apiKeys: [
        apiKeyEntry(full, { scopes: ['read', 'write', 'ai'] }),
        apiKeyEntry(aiOnly, { scopes: ['ai'] }),
      ],
      jwtIssuers: [
        { issuer: ISSUER, audience: AUD, hs256SecretRef: { file: 'hs.secret' }, algorithms: ['HS256'] },
      ],
    },
  ]);
  let gw: RunningGateway;
  try {
    gw = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        TENANTS_FILE: tenantsFile,
        BARRACK_BASE_URL: 'http://127.0.0.1:9',
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: uniquePrefix('http'),
        ...opts.env,
      }),
    );
  } catch (e) {
    await t.cleanup();
    throw e;
  }
  return {
    url: gw.url,
    auth: {
      apiKey: { authorization: `Bearer ${full.key}` },
      xApiKey: { 'x-api-key': full.key },
      aiOnlyKey: { authorization: `Bearer ${aiOnly.key}` },
    },
    jwt: async () => {
      const token = await new SignJWT({ scope: 'read' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUD)
        .setSubject('user-1')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
        .sign(new TextEncoder().encode(HS_SECRET));
      return { authorization: `Bearer ${token}` };
    },
    close: async () => {
      try {
        await gw.close();
      } finally {
        await t.cleanup();
      }
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body (every response these suites look at is JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test asserts the shape it expects
  body: any;
}

/** POST /graphql with a JSON body (or a raw string body) and the given headers. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return toRaw(res);
}

export async function toRaw(res: Response): Promise<RawResponse> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

/** `"requests";r=599;t=42` -> 599 (the requests budget left, from the RateLimit header). */
export function requestsRemaining(headers: Headers): number | undefined {
  const m = /"requests";r=(\d+)/.exec(headers.get('ratelimit') ?? '');
  return m ? Number(m[1]) : undefined;
}
