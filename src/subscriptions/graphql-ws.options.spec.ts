import type { IncomingMessage } from 'node:http';
import type { ModuleRef } from '@nestjs/core';
import { buildSchema, type ExecutionArgs, type GraphQLError } from 'graphql';
import type WebSocket from 'ws';
import type { AuthOutcome, Authenticator, CredentialHeaders } from '../auth/authenticator.service';
import type { Principal } from '../common/context/principal';
import { loadConfig } from '../config/app-config';
import type { RateLimiterService } from '../rate-limit/rate-limiter.service';
import { GraphqlWsOptions, wsCredentialHeaders, type WsExtra } from './graphql-ws.options';

const PRINCIPAL: Principal = { tenantId: 'acme', kind: 'api_key', subject: 'k1', scopes: ['read'] };
const schema = buildSchema(`
  type Query { hello: String }
  type Mutation { bye: String }
  type Subscription { ticks: Int }
`);

function setup(outcomes: AuthOutcome[]) {
  const seen: CredentialHeaders[] = [];
  const auth = {
    authenticateHeaders: (h: CredentialHeaders) => {
      seen.push(h);
      return Promise.resolve(outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!);
    },
  } as unknown as Authenticator;
  const limiter = { enabled: false } as RateLimiterService;
  const moduleRef = { get: () => ({ schema }) } as unknown as ModuleRef;
  const options = new GraphqlWsOptions(auth, limiter, moduleRef, loadConfig({ NODE_ENV: 'test' })).build();
  const closed: [number, string][] = [];
  const extra: WsExtra = {
    socket: { close: (code: number, reason: string) => closed.push([code, reason]) } as unknown as WebSocket,
    request: { headers: {} } as IncomingMessage,
  };
  // graphql-ws' Context: only the fields the hooks read.
  const ctx = (connectionParams?: Record<string, unknown>) =>
    ({ connectionParams, extra, subscriptions: {} }) as unknown as Parameters<
      NonNullable<typeof options.onConnect>
    >[0];
  return { options, ctx, closed, seen, extra };
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
});
