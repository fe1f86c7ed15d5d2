import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generateApiKey } from '../../src/auth/api-key';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { SCOPES } from '../../src/common/context/principal';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';

/** The tenant's Barrack key in these suites: it must never show up in a log line. */
export const BARRACK_SECRET = 'brk_live_TENANT_BARRACK_SECRET_0123456789';

/** Collects JSON log lines written by the gateway's pino logger. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
    done();
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

export interface BootedGateway {
  gw: RunningGateway;
  apiKey: string;
  tenantId: string;
  close(): Promise<void>;
}

/**
 * Boots the real gateway (startGateway) the way production runs it, with Barrack at `barrackBaseUrl` (a fake
 * in these suites), a one-tenant tenants file and the shared test Redis (or `redisUrl`).
 */
export async function bootGateway(
  barrackBaseUrl: string | undefined,
  env: Record<string, string> = {},
  options: StartGatewayOptions = {},
): Promise<BootedGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'bgw-upstream-'));
  const key = generateApiKey();
  writeFileSync(join(dir, 'barrack.key'), BARRACK_SECRET, { mode: 0o600 });
  writeFileSync(
    join(dir, 'tenants.json'),
    JSON.stringify({
      tenants: [
        {
          id: 'upstream-t1',
          name: 'Upstream suite tenant',
          barrackCredential: { file: join(dir, 'barrack.key') },
          scopes: [...SCOPES],
          apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'upstream suite' }],
        },
      ],
    }),
    { mode: 0o600 },
  );
  const config = loadConfig({
    // A URL is needed for the tenants-file rule; the fake's own URL (or none) comes in through the options.
    BARRACK_BASE_URL: barrackBaseUrl ?? 'http://127.0.0.1:9/api',
    TENANTS_FILE: join(dir, 'tenants.json'),
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: uniquePrefix('up'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
  try {
    const gw = await startGateway(config, { handleSignals: false, ...options });
    return {
      gw,
      apiKey: key.key,
      tenantId: 'upstream-t1',
      close: async () => {
        try {
          await gw.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
