import type { IncomingMessage } from 'node:http';
import type { ModuleRef } from '@nestjs/core';
import { buildSchema, type ExecutionArgs, type GraphQLError } from 'graphql';
import type WebSocket from 'ws';
import type { AuthOutcome, Authenticator, CredentialHeaders } from '../auth/authenticator.service';
import type { Principal } from '../common/context/principal';
import { loadConfig } from '../config/app-config';
import { CredentialRecheck } from '../auth/credential-recheck';
import { OperationLimits } from '../rate-limit/operation-limits';
import type { RateLimiterService } from '../rate-limit/rate-limiter.service';
import { GraphqlWsOptions, wsCredentialHeaders, type WsExtra } from './graphql-ws.options';

const PRINCIPAL: Principal = { tenantId: 'acme', kind: 'api_key', subject: 'k1', scopes: ['read'] };
const schema = buildSchema(`
  type Query { hello: String }
  type Mutation { bye: String }
  type Subscription { ticks: Int }
`);

function setup(outcomes: AuthOutcome[], env: Record<string, string> = {}) {
  const seen: CredentialHeaders[] = [];
  const auth = {
    authenticateHeaders: (h: CredentialHeaders) => {
      seen.push(h);
      return Promise.resolve(outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!);
    },
  } as unknown as Authenticator;
  const limiter = { enabled: false } as RateLimiterService;
  const moduleRef = { get: () => ({ schema }) } as unknown as ModuleRef;
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const ws = new GraphqlWsOptions(
    auth,
    new CredentialRecheck(auth),
    new OperationLimits(config, limiter),
    moduleRef,
    config,
  );
  const options = ws.build();
  const closed: [number, string][] = [];
  const sent: string[] = [];
  const extra: WsExtra = {
    socket: {
      OPEN: 1,
      readyState: 1,
      close: (code: number, reason: string) => closed.push([code, reason]),
      send: (m: string) => sent.push(m),
    } as unknown as WebSocket,
    request: { headers: {} } as IncomingMessage,
  };
  const subscriptions: Record<string, null> = {};
  // graphql-ws' Context: only the fields the hooks read.
  const ctx = (connectionParams?: Record<string, unknown>) =>
    ({ connectionParams, extra, subscriptions }) as unknown as Parameters<
      NonNullable<typeof options.onConnect>
    >[0];
  return { ws, options, ctx, closed, sent, seen, extra, subscriptions };
}

const ok: AuthOutcome = { ok: true, principal: PRINCIPAL };
const bad: AuthOutcome = { ok: false, status: 401, message: 'Invalid credential', reason: 'unknown key' };
const suspended: AuthOutcome = { ok: false, status: 403, message: 'Tenant acme is suspended', reason: 's' };

describe('wsCredentialHeaders', () => {
  it('takes Authorization / x-api-key from connection params in any case, and nothing else', () => {
    expect(wsCredentialHeaders({ Authorization: 'Bearer x', cookie: 'c', Host: 'h' }, {})).toEqual({
      authorization: 'Bearer x',
    });
    expect(wsCredentialHeaders({ 'X-API-Key': 'k' }, { authorization: 'Bearer y' })).toEqual({
      'x-api-key': 'k',
    });
  });

  it('falls back to the upgrade request headers when the params carry no credential', () => {
    expect(wsCredentialHeaders({ other: 1 }, { authorization: 'Bearer y', cookie: 'c' })).toEqual({
      authorization: 'Bearer y',
    });
    expect(wsCredentialHeaders(undefined, {})).toEqual({});
  });
});

describe('GraphqlWsOptions', () => {
  it('refuses a bad credential with 4401 and a suspended tenant with 4403', async () => {
    const a = setup([bad]);
    expect(await a.options.onConnect!(a.ctx({ Authorization: 'Bearer nope' }))).toBe(false);
    expect(a.closed).toEqual([[4401, 'Invalid credential']]);
    expect(a.extra.principal).toBeUndefined();

    const b = setup([suspended]);
    expect(await b.options.onConnect!(b.ctx({ 'x-api-key': 'k' }))).toBe(false);
    expect(b.closed[0]?.[0]).toBe(4403);
  });

  it('keeps the principal on the connection and puts it in each operation context', async () => {
    const s = setup([ok]);
    expect(await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }))).toBe(true);
    const args = (await s.options.onSubscribe!(s.ctx(), 'op1', {
      query: 'subscription { ticks }',
      extensions: { requestId: 'client-rid-1' },
    })) as ExecutionArgs;
    expect(args.document).toBeDefined();
    const context = s.options.context as (c: unknown, id: string) => Record<string, unknown>;
    expect(context(s.ctx(), 'op1')).toMatchObject({ principal: PRINCIPAL, requestId: 'client-rid-1' });
  });

  it('re-checks the credential at subscribe: a key revoked since connecting starts nothing', async () => {
    const s = setup([ok, bad]);
    await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }));
    const errors = (await s.options.onSubscribe!(s.ctx(), 'op1', {
      query: 'subscription { ticks }',
    })) as GraphQLError[];
    const formatted = await s.options.onError!(s.ctx(), 'op1', { query: '' }, errors);
    expect(formatted?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(s.seen).toHaveLength(2);
  });

  it('refuses mutations and reports parse and validation problems with their codes', async () => {
    const s = setup([ok]);
    await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }));
    const codeOf = async (query: string) => {
      const r = await s.options.onSubscribe!(s.ctx(), 'x', { query });
      if (!Array.isArray(r)) return 'accepted';
      const f = await s.options.onError!(s.ctx(), 'x', { query }, r as GraphQLError[]);
      return f?.[0]?.extensions?.code;
    };
    expect(await codeOf('mutation { bye }')).toBe('BAD_USER_INPUT');
    expect(await codeOf('subscription {')).toBe('GRAPHQL_PARSE_FAILED');
    expect(await codeOf('subscription { nope }')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await codeOf('{ hello }')).toBe('accepted');
  });

  it("closes a tenant's socket past WS_MAX_SOCKETS_PER_TENANT with 4429", async () => {
    const s = setup([ok], { WS_MAX_SOCKETS_PER_TENANT: '1' });
    expect(await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }))).toBe(true);
    expect(await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }))).toBe(false);
    expect(s.closed).toEqual([[4429, 'Too many connections']]);
    expect(s.ws.socketsOf('acme')).toBe(1);
  });

  it('refuses an operation past WS_MAX_SUBSCRIPTIONS_PER_SOCKET with RATE_LIMITED', async () => {
    const s = setup([ok], { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '1' });
    await s.options.onConnect!(s.ctx({ 'x-api-key': 'k' }));
    // graphql-ws enters each operation in ctx.subscriptions before onSubscribe runs.
    s.subscriptions.a = null;
    expect(Array.isArray(await s.options.onSubscribe!(s.ctx(), 'a', { query: '{ hello }' }))).toBe(false);
    s.subscriptions.b = null;
    const r = (await s.options.onSubscribe!(s.ctx(), 'b', { query: '{ hello }' })) as GraphQLError[];
    const f = await s.options.onError!(s.ctx(), 'b', { query: '' }, r);
    expect(f?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      rule: 'subscriptionsPerSocket',
      limit: 1,
    });
  });

  it('ends running operations with an error and closes 4401 / 4403 when the credential stops holding', async () => {
    const revoked = setup([ok, bad]);
    await revoked.options.onConnect!(revoked.ctx({ 'x-api-key': 'k' }));
    revoked.subscriptions.s1 = null;
    await revoked.ws.sweep();
    expect(revoked.sent.map((m) => JSON.parse(m) as Record<string, unknown>)).toEqual([
      {
        id: 's1',
        type: 'error',
        payload: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })],
      },
    ]);
    expect(revoked.closed).toEqual([[4401, 'Credential no longer valid']]);
    expect(revoked.ws.socketsOf('acme')).toBe(0);

    const gone = setup([ok, suspended]);
    await gone.options.onConnect!(gone.ctx({ 'x-api-key': 'k' }));
    await gone.ws.sweep();
    expect(gone.closed).toEqual([[4403, 'Tenant acme is suspended']]);

    const fine = setup([ok]);
    await fine.options.onConnect!(fine.ctx({ 'x-api-key': 'k' }));
    await fine.ws.sweep();
    expect(fine.closed).toEqual([]);
  });
});
