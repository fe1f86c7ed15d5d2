import { BarrackUpstreamError, type UpstreamFailureKind } from './barrack-upstream.error';
import { ERROR_CODES } from './error-codes';
import {
  MAPPED_UPSTREAM_STATUSES,
  UPSTREAM_KIND_MAP,
  UPSTREAM_STATUS_MAP,
  safeUpstreamDetails,
  toGatewayError,
} from './upstream-error.map';

const http = (status: number, extra: ConstructorParameters<typeof BarrackUpstreamError>[2] = {}) =>
  toGatewayError(new BarrackUpstreamError('http', 'op', { status, ...extra }));

describe('upstream error map', () => {
  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UPSTREAM_UNAVAILABLE'],
    [402, 'INSUFFICIENT_CREDITS'],
    [403, 'NOT_FOUND'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'BAD_USER_INPUT'],
    [429, 'RATE_LIMITED'],
    [500, 'UPSTREAM_UNAVAILABLE'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_TIMEOUT'],
    [301, 'UPSTREAM_BAD_RESPONSE'],
    [405, 'UPSTREAM_BAD_RESPONSE'],
    [418, 'UPSTREAM_BAD_RESPONSE'],
    [501, 'UPSTREAM_UNAVAILABLE'],
    [599, 'UPSTREAM_UNAVAILABLE'],
  ])('maps status %i to %s', (status, code) => {
    expect(http(status).code).toBe(code);
  });

  it('has a row for every listed status, each a real error code', () => {
    for (const s of MAPPED_UPSTREAM_STATUSES) expect(ERROR_CODES).toContain(UPSTREAM_STATUS_MAP[s].code);
    expect(ERROR_CODES).toContain(UPSTREAM_STATUS_MAP.default.code);
  });

  it.each([
    ['timeout', 'UPSTREAM_TIMEOUT'],
    ['connection', 'UPSTREAM_UNAVAILABLE'],
    ['breaker_open', 'UPSTREAM_UNAVAILABLE'],
    ['bad_response', 'UPSTREAM_BAD_RESPONSE'],
    ['aborted', 'UPSTREAM_TIMEOUT'],
    ['not_configured', 'UPSTREAM_UNAVAILABLE'],
  ] as [Exclude<UpstreamFailureKind, 'http'>, string][])('maps %s to %s', (kind, code) => {
    expect(toGatewayError(new BarrackUpstreamError(kind, 'op')).code).toBe(code);
    expect(UPSTREAM_KIND_MAP[kind].code).toBe(code);
  });

  it("says that Barrack rejected the tenant's credential on 401", () => {
    expect(http(401).message).toBe("Barrack rejected this tenant's credential");
  });

  it.each([
    [409, 'NAME_TAKEN', 'NAME_TAKEN'],
    [409, 'name-taken', 'NAME_TAKEN'],
    [409, 'OUT_OF_STOCK', 'OUT_OF_STOCK'],
    [409, 'LIMIT_EXCEEDED', 'LIMIT_EXCEEDED'],
    [409, 'INVALID_STATE', 'INVALID_STATE'],
    [400, 'insufficient_balance', 'INSUFFICIENT_CREDITS'],
    [409, 'SOMETHING_NEW', 'CONFLICT'],
    // Body codes never turn an outage or a hidden resource into something else.
    [404, 'NAME_TAKEN', 'NOT_FOUND'],
    [403, 'INVALID_STATE', 'NOT_FOUND'],
    [500, 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
    [503, 'INVALID_STATE', 'UPSTREAM_UNAVAILABLE'],
  ])('refines %i + body code %s to %s', (status, upstreamCode, code) => {
    expect(http(status, { upstreamCode }).code).toBe(code);
  });

  it('passes Barrack messages only for client errors, and only plain short prose', () => {
    expect(http(400, { upstreamMessage: 'name must be 1-50 characters' }).message).toBe(
      'name must be 1-50 characters',
    );
    expect(http(400, { upstreamMessage: 'see https://barrack.internal/x' }).message).toBe(
      'Barrack rejected the request as invalid',
    );
    expect(http(400, { upstreamMessage: 'x'.repeat(301) }).message).toBe(
      'Barrack rejected the request as invalid',
    );
    expect(http(400, { upstreamMessage: 'Traceback {"a":1}\n  at foo' }).message).toBe(
      'Barrack rejected the request as invalid',
    );
    expect(http(500, { upstreamMessage: 'db down at 10.0.0.5' }).message).toBe(
      'Barrack failed to handle the request',
    );
    expect(http(403, { upstreamMessage: 'belongs to account 42' }).message).toBe('Resource not found');
  });

  it('keeps only whitelisted scalar details, camel-cased', () => {
    expect(
      safeUpstreamDetails({
        current_state: 'SHUTOFF',
        balance: 1.25,
        required: '3.50',
        currency: 'USD',
        alternatives: ['CANADA-1', 'NORWAY-1'],
        allowed_states: ['ACTIVE', { nested: true }],
        limit: Infinity,
        owner_account: 'acct_9',
        url: 'https://x',
        field: 'http://evil',
      }),
    ).toEqual({
      currentState: 'SHUTOFF',
      balance: 1.25,
      required: '3.50',
      currency: 'USD',
      alternatives: ['CANADA-1', 'NORWAY-1'],
    });
  });

  it("keeps Barrack's field name off the client's details, for the userErrors mapping only", () => {
    const e = http(400, { upstreamCode: 'VALIDATION_ERROR', upstreamDetails: { field: 'instance_id' } });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details).toEqual({});
    expect(e.wireField).toBe('instance_id');
    expect(http(400, { upstreamDetails: { field: 'http://evil' } }).wireField).toBeUndefined();
  });

  it('drops details for non-refinable statuses and carries retryAfter on 429/503 only', () => {
    const d = { current_state: 'ACTIVE' };
    expect(http(404, { upstreamDetails: d }).details).toEqual({});
    expect(http(429, { retryAfterS: 7 }).retryAfter).toBe(7);
    expect(http(503, { retryAfterS: 3 }).retryAfter).toBe(3);
    expect(http(400, { retryAfterS: 3 }).retryAfter).toBeUndefined();
  });

  it('keeps Barrack request id and the typed cause', () => {
    const cause = new BarrackUpstreamError('http', 'op', { status: 404, upstreamRequestId: 'brk_1' });
    const e = toGatewayError(cause);
    expect(e.upstreamRequestId).toBe('brk_1');
    expect(e.cause).toBe(cause);
  });
});
