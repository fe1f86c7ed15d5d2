import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { uniquePrefix } from '../helpers/redis';

/*
 * gateway_response_cache_events_total over HTTP, real Redis and the simulator: a miss, then hits, counted once
 * each whichever path answered (the fast path before Apollo, or Apollo's plugin with the fast path off).
 */
const CATALOGUE = 'query MetricsCatalogue { regions { code } }';

async function events(gw: TestGateway): Promise<Record<string, number>> {
  const text = await (await fetch(gw.metricsUrl!)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^gateway_response_cache_events_total\{event="(\w+)"\} (\d+)$/gm))
    out[m[1] as string] = Number(m[2]);
  return out;
}

describe.each([
  ['the fast path', 'true'],
  ["Apollo's path", 'false'],
])('response-cache metrics through %s', (_name, fastPath) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('rcm'), RESPONSE_CACHE_FAST_PATH: fastPath },
    });
  });
  afterAll(() => gw?.close());

  it('counts the first answer as a miss and each repeat as a hit, and reports nothing owed', async () => {
    expect(await events(gw)).toEqual({ hit: 0, stale: 0, miss: 0, refresh: 0 });
    for (let i = 0; i < 3; i++) expect((await gw.gql(CATALOGUE)).body.errors).toBeUndefined();
    expect(await events(gw)).toEqual({ hit: 2, stale: 0, miss: 1, refresh: 0 });
    const text = await (await fetch(gw.metricsUrl!)).text();
    expect(text).toContain('gateway_response_cache_owed{what="slots"} 0');
  });
});
