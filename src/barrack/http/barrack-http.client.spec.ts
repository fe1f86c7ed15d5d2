import { Logger, type LoggerService } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../../config/app-config';
import { GatewayError } from '../../common/errors/gateway-error';
import { MetricsRegistry } from '../../metrics/metrics.module';
import { BarrackEndpoint } from '../barrack-endpoint';
import type { BarrackCall, UpstreamContext } from './barrack-call';
import { BarrackHttpClient } from './barrack-http.client';
import { BarrackUpstreamError } from '../../common/errors/barrack-upstream.error';
import { FakeUpstream, eventually, hang, reply } from '../../../test/upstream/fake-upstream';

const CREDENTIAL = 'brk_live_SUPERSECRET_9f8e7d6c5b4a';
const ctx: UpstreamContext = { tenantId: 'acme', credential: CREDENTIAL, requestId: 'req-abc-123' };
const getInstance = (id: string): BarrackCall => ({
  method: 'GET',
  path: '/instances/{instance_id}/',
  pathParams: { instance_id: id },
  operationId: 'getInstance',
});
const restore: BarrackCall = {
  method: 'POST',
  path: '/snapshots/{snapshot_id}/restore/',
  pathParams: { snapshot_id: 'BRK-123456S' },
  body: { new_vm_name: 'x' },
  operationId: 'restoreSnapshot',
};

function makeConfig(over: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    BARRACK_RETRY_BASE_MS: 1,
    BARRACK_BREAKER_THRESHOLD: 1000,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('BarrackHttpClient', () => {
  let fake: FakeUpstream;
  const clients: BarrackHttpClient[] = [];
  let metrics: MetricsRegistry;

  const client = (over: Partial<AppConfig> = {}, baseUrl?: string): BarrackHttpClient => {
    metrics = new MetricsRegistry();
    const c = new BarrackHttpClient(makeConfig(over), new BarrackEndpoint(baseUrl ?? fake.baseUrl), metrics);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    fake = await FakeUpstream.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.onApplicationShutdown()));
    await fake.stop();
  });

  describe('requests', () => {
    it('joins the base URL path prefix, encodes the query and sends credential, request id and JSON', async () => {
      fake.handle(reply(200, { success: true, data: { ok: 1 }, request_id: 'brk_req_1', message: 'done' }));
      const res = await client().request<{ ok: number }>(
        { ...restore, query: { dry: true, note: 'a b&c', skip: undefined } },
        ctx,
      );
      expect(res).toMatchObject({ status: 200, data: { ok: 1 }, requestId: 'brk_req_1', message: 'done' });
      expect(fake.hits).toHaveLength(1);
      const hit = fake.hits[0]!;
      expect(hit.method).toBe('POST');
      expect(hit.url).toBe('/api/snapshots/BRK-123456S/restore/?dry=true&note=a+b%26c');
      expect(hit.headers.authorization).toBe(`Bearer ${CREDENTIAL}`);
      expect(hit.headers['x-request-id']).toBe('req-abc-123');
      expect(hit.headers['content-type']).toBe('application/json');
      expect(JSON.parse(hit.body)).toEqual({ new_vm_name: 'x' });
    });

    it.each([
      ['x-api-key', 'x-api-key'],
      ['api_key', 'api_key'],
    ] as const)('sends the credential in the %s scheme', async (scheme, header) => {
      await client({ BARRACK_AUTH_SCHEME: scheme }).request(getInstance('BRK-1'), ctx);
      expect(fake.hits[0]!.headers[header]).toBe(CREDENTIAL);
      expect(fake.hits[0]!.headers.authorization).toBeUndefined();
    });

    it.each(['../../balance', 'a/b?x=1', '..', '.', '', 'a%2Fb', 'x'.repeat(129), 'id with space', 'é'])(
      'rejects the unsafe path parameter %j before any upstream call',
      async (id) => {
        const err = await failure(client().request(getInstance(id), ctx));
        expect(err.code).toBe('BAD_USER_INPUT');
        // Barrack's parameter name is kept for the userErrors mapping only, never in the client's details.
        expect(err.details).toEqual({});
        expect(err.wireField).toBe('instance_id');
        expect(fake.hits).toHaveLength(0);
      },
    );

    it('rejects an unsafe path parameter even when no Barrack is configured', async () => {
      const err = await failure(client({}, undefined).request(getInstance('../x'), ctx));
      expect(err.code).toBe('BAD_USER_INPUT');
    });

    it('answers UPSTREAM_UNAVAILABLE when no Barrack URL is known', async () => {
      const c = new BarrackHttpClient(makeConfig(), new BarrackEndpoint(undefined), new MetricsRegistry());
      expect((await failure(c.request(getInstance('BRK-1'), ctx))).code).toBe('UPSTREAM_UNAVAILABLE');
    });
  });

  describe('envelope', () => {
    it.each([
      ['success + data', { success: true, data: { id: 'a' } }, undefined, { id: 'a' }],
      [
        'status + resource key',
        { status: true, message: 'ok', instance: { id: 'a' } },
        undefined,
        { id: 'a' },
      ],
      [
        'status + named data key beside pagination',
        { status: true, instances: [{ id: 'a' }], count: 1 },
        'instances',
        [{ id: 'a' }],
      ],
      [
        'several resource keys',
        { status: true, instances: [], count: 0 },
        undefined,
        { instances: [], count: 0 },
      ],
      [
        'a bare resource keeps its own status',
        { id: 'a', status: 'ACTIVE' },
        undefined,
        { id: 'a', status: 'ACTIVE' },
      ],
      ['a bare list', [{ id: 'a' }], undefined, [{ id: 'a' }]],
    ])('reads %s', async (_label, body, dataKey, expected) => {
      fake.handle(reply(200, body));
      const res = await client().request({ ...getInstance('BRK-1'), dataKey }, ctx);
      expect(res.data).toEqual(expected);
    });

    it('treats an empty 204 as null data', async () => {
      fake.handle((_q, res) => {
        res.writeHead(204);
        res.end();
      });
      const res = await client().request({ ...getInstance('BRK-1'), method: 'DELETE' }, ctx);
      expect(res).toMatchObject({ status: 204, data: null });
    });

    it.each([
      ['non-JSON 200', 'text/html', '<html>oops</html>'],
      ['truncated JSON', 'application/json', '{"success": true, "data": {'],
      ['a JSON scalar', 'application/json', '42'],
    ])('turns %s into UPSTREAM_BAD_RESPONSE', async (_label, type, text) => {
      fake.handle((_q, res) => {
        res.writeHead(200, { 'content-type': type });
        res.end(text);
      });
      const err = await failure(client().request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe('UPSTREAM_BAD_RESPONSE');
      expect(err.message).not.toContain('oops');
      expect(err.cause).toBeInstanceOf(BarrackUpstreamError);
    });

    it('joins a body sent in several chunks', async () => {
      fake.handle((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"success": true, "data": {"name": "');
        setTimeout(() => res.end(`${'é'.repeat(40_000)}"}}`), 5);
      });
      const res = await client().request<{ name: string }>(getInstance('BRK-1'), ctx);
      expect(res.data.name).toBe('é'.repeat(40_000));
    });

    it('refuses a body past 16 MiB as UPSTREAM_BAD_RESPONSE without buffering the rest', async () => {
      const mib = Buffer.alloc(1024 * 1024, 'a');
      fake.handle((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const more = (): void => {
          while (sent < 20 && !res.destroyed) {
            sent++;
            if (!res.write(mib)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        more();
      });
      const err = await failure(client().request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe('UPSTREAM_BAD_RESPONSE');
      expect((err.cause as BarrackUpstreamError).reason).toBe('too large');
    });

    it('treats a 200 whose envelope says success:false as a failure, refined by its code', async () => {
      fake.handle(
        reply(200, { status: false, message: 'Insufficient balance', error_reason: 'insufficient_balance' }),
      );
      const err = await failure(client().request(restore, ctx));
      expect(err.code).toBe('INSUFFICIENT_CREDITS');
    });
  });

  describe('status mapping through the client', () => {
    it.each([
      [400, 'BAD_USER_INPUT'],
      [401, 'UPSTREAM_UNAVAILABLE'],
      [402, 'INSUFFICIENT_CREDITS'],
      [403, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
      [405, 'UPSTREAM_BAD_RESPONSE'],
      [409, 'CONFLICT'],
      [422, 'BAD_USER_INPUT'],
      [429, 'RATE_LIMITED'],
      [500, 'UPSTREAM_UNAVAILABLE'],
      [502, 'UPSTREAM_UNAVAILABLE'],
      [503, 'UPSTREAM_UNAVAILABLE'],
      [504, 'UPSTREAM_TIMEOUT'],
      [507, 'UPSTREAM_UNAVAILABLE'],
    ])('maps upstream %i to %s', async (status, code) => {
      fake.handle(reply(status, { success: false, message: 'nope', request_id: 'brk_r9' }));
      const err = await failure(client({ BARRACK_RETRY_MAX: 0 }).request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe(code);
      expect(err.upstreamRequestId).toBe('brk_r9');
    });

    it('answers 403 (another account) exactly like 404, with nothing hinting the resource exists', async () => {
      fake.handle(
        reply(403, {
          success: false,
          message: 'BRK-1 belongs to another account',
          error: { code: 'FORBIDDEN' },
        }),
      );
      const forbidden = await failure(client().request(getInstance('BRK-1'), ctx));
      fake.handle(reply(404, { success: false, message: 'No such instance' }));
      const missing = await failure(client().request(getInstance('BRK-1'), ctx));
      expect(forbidden.code).toBe('NOT_FOUND');
      expect([forbidden.message, forbidden.details]).toEqual([missing.message, missing.details]);
    });

    it('refines 409 by the body code and passes only whitelisted details', async () => {
      fake.handle(
        reply(409, {
          success: false,
          message: 'Instance must be ACTIVE',
          error: {
            code: 'INVALID_STATE',
            details: {
              current_state: 'SHUTOFF',
              allowed_states: ['ACTIVE'],
              internal_host: 'hv-12.dc',
              owner: { id: 7 },
            },
          },
        }),
      );
      const err = await failure(client().request(restore, ctx));
      expect(err.code).toBe('INVALID_STATE');
      expect(err.message).toBe('Instance must be ACTIVE');
      expect(err.details).toEqual({ currentState: 'SHUTOFF', allowedStates: ['ACTIVE'] });
    });
  });

  describe('retries', () => {
    it('retries a GET on 503 and succeeds', async () => {
      fake.sequence(reply(503, {}), reply(503, {}), reply(200, { success: true, data: { id: 'BRK-1' } }));
      const res = await client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx);
      expect(res.data).toEqual({ id: 'BRK-1' });
      expect(fake.hits).toHaveLength(3);
      expect(await metrics.getSingleMetricAsString('barrack_upstream_retries_total')).toContain(
        'barrack_upstream_retries_total{operation_id="getInstance",reason="503"} 2',
      );
    });

    it('gives up after BARRACK_RETRY_MAX retries', async () => {
      fake.handle(reply(502, {}));
      const err = await failure(client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(fake.hits).toHaveLength(3);
    });

    it('does not retry a GET on 500 or on 4xx', async () => {
      fake.handle(reply(500, {}));
      await failure(client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx));
      fake.handle(reply(404, {}));
      await failure(client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx));
      expect(fake.hits).toHaveLength(2);
    });

    it('honours Retry-After on 429 before retrying a GET', async () => {
      fake.sequence(reply(429, {}, { 'retry-after': '1' }), reply(200, { success: true, data: 'ok' }));
      const res = await client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx);
      expect(res.data).toBe('ok');
      expect(fake.hits).toHaveLength(2);
      // A lower bound only: the retry must not come before Barrack said it may.
      expect(fake.hits[1]!.at - fake.hits[0]!.at).toBeGreaterThanOrEqual(950);
    });

    it('does not wait out a long Retry-After: RATE_LIMITED with retryAfter for the client', async () => {
      fake.handle(reply(429, { success: false }, { 'retry-after': '120' }));
      const err = await failure(client({ BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe('RATE_LIMITED');
      expect(err.retryAfter).toBe(120);
      expect(fake.hits).toHaveLength(1);
    });

    it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('never retries a %s on 503', async (method) => {
      fake.handle(reply(503, { success: false }));
      const err = await failure(client({ BARRACK_RETRY_MAX: 5 }).request({ ...restore, method }, ctx));
      expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(fake.hits).toHaveLength(1);
    });

    it('maps a refused connection to UPSTREAM_UNAVAILABLE (retrying reads)', async () => {
      const port = fake.port;
      await fake.stop();
      const c = client({ BARRACK_RETRY_MAX: 1 }, `http://127.0.0.1:${port}/api`);
      const err = await failure(c.request(getInstance('BRK-1'), ctx));
      expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(await metrics.getSingleMetricAsString('barrack_upstream_retries_total')).toContain(
        'reason="connection"} 1',
      );
      fake = await FakeUpstream.start();
    });
  });

  describe('timeouts', () => {
    it('maps a server that never answers to UPSTREAM_TIMEOUT without retrying', async () => {
      fake.handle(hang);
      const err = await failure(
        client({ BARRACK_HEADERS_TIMEOUT_MS: 150, BARRACK_RETRY_MAX: 2 }).request(getInstance('BRK-1'), ctx),
      );
      expect(err.code).toBe('UPSTREAM_TIMEOUT');
      expect(fake.hits).toHaveLength(1);
    });

    it('enforces the total timeout when headers arrive but the body never ends', async () => {
      fake.handle((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"success": true, ');
      });
      const err = await failure(client({ BARRACK_TIMEOUT_MS: 200 }).request(restore, ctx));
      expect(err.code).toBe('UPSTREAM_TIMEOUT');
    });

    it('reports a caller abort without waiting for the timeout', async () => {
      fake.handle(hang);
      const ac = new AbortController();
      const p = client().request(getInstance('BRK-1'), { ...ctx, signal: ac.signal });
      await eventually(() => fake.hits.length === 1, 'the request to arrive');
      ac.abort();
      expect((await failure(p)).cause).toMatchObject({ kind: 'aborted' });
    });
  });

  describe('circuit breaker', () => {
    const otherTenant: UpstreamContext = { ...ctx, tenantId: 'globex' };
    const thirdTenant: UpstreamContext = { ...ctx, tenantId: 'initech' };
    const metric = async (name: string) => metrics.getSingleMetricAsString(name);

    it("opens one tenant's breaker for one operation group after N failures, and half-opens after the interval", async () => {
      fake.handle(reply(500, {}));
      const c = client({
        BARRACK_BREAKER_THRESHOLD: 3,
        BARRACK_BREAKER_HALF_OPEN_MS: 300,
        BARRACK_RETRY_MAX: 0,
      });
      for (let i = 0; i < 3; i++) await failure(c.request(getInstance('BRK-1'), ctx));
      expect(fake.hits).toHaveLength(3);

      const open = await failure(c.request(getInstance('BRK-1'), ctx));
      expect(open.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(open.cause).toMatchObject({ kind: 'breaker_open' });
      expect(fake.hits).toHaveLength(3);
      expect(await metric('barrack_upstream_breaker_open_scopes')).toContain(
        'barrack_upstream_breaker_open_scopes 1',
      );
      // The global breaker stays closed: the same tenant's other group and another tenant still reach Barrack.
      expect(await metric('barrack_upstream_breaker_state')).toContain(
        'barrack_upstream_breaker_state{upstream="barrack"} 0',
      );
      fake.handle(reply(200, { success: true, data: 'fine' }));
      expect((await c.request(restore, ctx)).data).toBe('fine');
      expect((await c.request(getInstance('BRK-1'), otherTenant)).data).toBe('fine');
      expect(fake.hits).toHaveLength(5);

      fake.handle(reply(200, { success: true, data: 'back' }));
      let result: unknown;
      await eventually(async () => {
        try {
          result = (await c.request(getInstance('BRK-1'), ctx)).data;
          return true;
        } catch (e) {
          expect(e).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
          return false;
        }
      }, 'the breaker to half-open');
      expect(result).toBe('back');
      // Exactly one trial call went out once the interval passed; everything before it failed fast.
      expect(fake.hits).toHaveLength(6);
      expect(await metric('barrack_upstream_breaker_open_scopes')).toContain(
        'barrack_upstream_breaker_open_scopes 0',
      );
    });

    it('opens the global breaker when the breakers of two tenants opened with no success in between', async () => {
      fake.handle(reply(503, {}));
      const c = client({
        BARRACK_BREAKER_THRESHOLD: 2,
        BARRACK_BREAKER_HALF_OPEN_MS: 60_000,
        BARRACK_RETRY_MAX: 0,
      });
      for (let i = 0; i < 2; i++) await failure(c.request(restore, ctx));
      for (let i = 0; i < 2; i++) await failure(c.request(getInstance('BRK-1'), otherTenant));
      expect(fake.hits).toHaveLength(4);
      expect(await metric('barrack_upstream_breaker_state')).toContain(
        'barrack_upstream_breaker_state{upstream="barrack"} 2',
      );
      // A third tenant, never seen before, fails fast without an attempt.
      const err = await failure(c.request(getInstance('BRK-1'), thirdTenant));
      expect(err.cause).toMatchObject({ kind: 'breaker_open' });
      expect(fake.hits).toHaveLength(4);
    });

    it('does not open the global breaker while other calls succeed between the failures', async () => {
      let n = 0;
      fake.handle((req, res, hit) => {
        n++;
        if (req.url?.includes('/snapshots/')) reply(503, {})(req, res, hit);
        else reply(200, { success: true, data: n })(req, res, hit);
      });
      const c = client({
        BARRACK_BREAKER_THRESHOLD: 2,
        BARRACK_BREAKER_HALF_OPEN_MS: 60_000,
        BARRACK_RETRY_MAX: 0,
      });
      for (let i = 0; i < 2; i++) await failure(c.request(restore, ctx));
      await c.request(getInstance('BRK-1'), thirdTenant);
      for (let i = 0; i < 2; i++) await failure(c.request(restore, otherTenant));
      expect(await metric('barrack_upstream_breaker_state')).toContain(
        'barrack_upstream_breaker_state{upstream="barrack"} 0',
      );
      await c.request(getInstance('BRK-1'), thirdTenant);
    });

    it('opens the global breaker after N refused connections, whoever made them', async () => {
      const c = client(
        { BARRACK_BREAKER_THRESHOLD: 3, BARRACK_BREAKER_HALF_OPEN_MS: 60_000, BARRACK_RETRY_MAX: 0 },
        'http://127.0.0.1:1/api',
      );
      for (let i = 0; i < 3; i++) {
        expect((await failure(c.request(getInstance('BRK-1'), ctx))).cause).toMatchObject({
          kind: 'connection',
        });
      }
      const err = await failure(c.request(restore, otherTenant));
      expect(err.cause).toMatchObject({ kind: 'breaker_open' });
      expect(await metric('barrack_upstream_breaker_state')).toContain(
        'barrack_upstream_breaker_state{upstream="barrack"} 2',
      );
    });

    it('does not count 4xx answers against the breaker', async () => {
      fake.handle(reply(404, {}));
      const c = client({ BARRACK_BREAKER_THRESHOLD: 2, BARRACK_RETRY_MAX: 0 });
      for (let i = 0; i < 4; i++)
        expect((await failure(c.request(getInstance('BRK-1'), ctx))).code).toBe('NOT_FOUND');
      expect(fake.hits).toHaveLength(4);
    });

    it('opens on timeouts too', async () => {
      fake.handle(hang);
      const c = client({
        BARRACK_BREAKER_THRESHOLD: 2,
        BARRACK_HEADERS_TIMEOUT_MS: 100,
        BARRACK_RETRY_MAX: 0,
      });
      await failure(c.request(getInstance('BRK-1'), ctx));
      await failure(c.request(getInstance('BRK-1'), ctx));
      const err = await failure(c.request(getInstance('BRK-1'), ctx));
      expect(err.cause).toMatchObject({ kind: 'breaker_open' });
      expect(fake.hits).toHaveLength(2);
    });
  });

  describe('secrets', () => {
    it('never puts the credential or the upstream URL in a log line or an error', async () => {
      const lines: string[] = [];
      const capture: LoggerService = {
        log: (...a: unknown[]) => lines.push(JSON.stringify(a)),
        error: (...a: unknown[]) => lines.push(JSON.stringify(a)),
        warn: (...a: unknown[]) => lines.push(JSON.stringify(a)),
        debug: (...a: unknown[]) => lines.push(JSON.stringify(a)),
        verbose: (...a: unknown[]) => lines.push(JSON.stringify(a)),
      };
      Logger.overrideLogger(capture);
      try {
        const echo = `key ${CREDENTIAL} rejected by ${fake.baseUrl}/instances/`;
        const errors: GatewayError[] = [];
        const c = client({ BARRACK_RETRY_MAX: 1, BARRACK_HEADERS_TIMEOUT_MS: 150 });
        for (const status of [400, 401, 402, 403, 404, 409, 422, 429, 500, 503]) {
          fake.handle(
            reply(status, {
              success: false,
              message: echo,
              error: { code: 'INVALID_STATE', details: { current_state: CREDENTIAL, field: fake.baseUrl } },
            }),
          );
          errors.push(await failure(c.request(restore, ctx)));
        }
        fake.handle((_q, res) => {
          res.writeHead(200);
          res.end(`<html>${CREDENTIAL}</html>`);
        });
        errors.push(await failure(c.request(getInstance('BRK-1'), ctx)));
        fake.handle(hang);
        errors.push(await failure(c.request(getInstance('BRK-1'), ctx)));

        expect(lines.length).toBeGreaterThanOrEqual(errors.length);
        const seen = [
          ...lines,
          ...errors.map((e) =>
            JSON.stringify({ m: e.message, d: e.details, u: e.upstreamRequestId, s: e.stack }),
          ),
          ...errors.map((e) =>
            JSON.stringify({ m: (e.cause as Error).message, s: (e.cause as Error).stack }),
          ),
        ];
        for (const text of seen) {
          expect(text).not.toContain(CREDENTIAL);
          expect(text).not.toContain(fake.baseUrl);
          expect(text).not.toContain(`127.0.0.1:${fake.port}`);
        }
        // The credential did reach Barrack: the test would be vacuous otherwise.
        expect(fake.hits.every((h) => h.headers.authorization === `Bearer ${CREDENTIAL}`)).toBe(true);
      } finally {
        Logger.overrideLogger(['error', 'warn']);
      }
    });
  });
});
