import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type Redis from 'ioredis';
import { testRedisUrl } from '../helpers/redis';
import { cacheConfig, connectRedis, CountingLoader, makeService } from './cache-test-kit';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** `npm run cache -- clear ...` as an operator runs it, against the shared test Redis. */
describe('cache CLI', () => {
  let client: Redis;
  beforeAll(async () => {
    client = await connectRedis(testRedisUrl());
  });
  afterAll(() => client.disconnect());

  const cli = (args: string[], prefix: string) =>
    run(
      process.execPath,
      [
        join(ROOT, 'node_modules/ts-node/dist/bin.js'),
        '--transpile-only',
        'src/cache/cli/cache.cli.ts',
        ...args,
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          REDIS_URL: testRedisUrl(),
          REDIS_KEY_PREFIX: prefix,
          LOG_LEVEL: 'silent',
        },
      },
    );

  it("clears one tenant's pricing, then every tenant's, and rejects an unknown kind", async () => {
    const config = cacheConfig();
    const cache = makeService(config, client);
    const loader = new CountingLoader((n) => n);
    for (const tenantId of ['a', 'b']) {
      await cache.getOrLoad({ kind: 'pricing', tenantId, key: 'GET /pricebook' }, loader.load);
    }
    await cache.getOrLoad({ kind: 'regions', tenantId: 't1', key: 'GET /regions' }, loader.load);
    const pricingKeys = () => client.keys(`${config.REDIS_KEY_PREFIX}cache:pricing:*`);

    const one = await cli(['clear', '--kind', 'pricing', '--tenant', 'a'], config.REDIS_KEY_PREFIX);
    expect(one.stdout).toContain('cleared pricing (tenant a): 1 keys deleted');
    expect((await pricingKeys()).map((k) => k.split(':').at(-2))).toEqual(['t.b']);

    await cli(['clear', '--kind', 'pricing'], config.REDIS_KEY_PREFIX);
    expect(await pricingKeys()).toEqual([]);
    expect(await client.keys(`${config.REDIS_KEY_PREFIX}cache:regions:*`)).toHaveLength(1);

    await expect(cli(['clear', '--kind', 'prices'], config.REDIS_KEY_PREFIX)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown kind: prices'),
    });
  }, 120_000);
});
