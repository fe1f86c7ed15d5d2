import { BarrackUpstreamError } from '../common/errors/barrack-upstream.error';
import { GatewayError } from '../common/errors/gateway-error';
import { toGatewayError } from '../common/errors/upstream-error.map';
import { dispositionOf } from './outcome-policy';

const upstream = (kind: ConstructorParameters<typeof BarrackUpstreamError>[0], extra = {}) =>
  toGatewayError(new BarrackUpstreamError(kind, 'createInstance', extra));

describe('dispositionOf', () => {
  it('stores deterministic refusals', () => {
    for (const code of ['INSUFFICIENT_CREDITS', 'NAME_TAKEN', 'BAD_USER_INPUT'] as const) {
      expect(dispositionOf(new GatewayError(code, 'x'))).toBe('store');
    }
  });

  it('releases failures that never reached Barrack', () => {
    expect(dispositionOf(upstream('breaker_open'))).toBe('release');
    expect(dispositionOf(upstream('connection', { reason: 'ECONNREFUSED' }))).toBe('release');
    expect(dispositionOf(new GatewayError('RATE_LIMITED', 'x'))).toBe('release');
  });

  it('treats a timeout, a broken connection, a 500 and a crash as unknown', () => {
    expect(dispositionOf(upstream('timeout'))).toBe('unknown');
    expect(dispositionOf(upstream('connection', { reason: 'ECONNRESET' }))).toBe('unknown');
    expect(dispositionOf(upstream('http', { status: 500 }))).toBe('unknown');
    expect(dispositionOf(new TypeError('boom'))).toBe('unknown');
  });
});
