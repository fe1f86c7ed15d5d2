import { GatewayError } from '../common/errors/gateway-error';
import type { GqlContext } from '../common/context/gql-context';
import { canonicalJson, fingerprintOf, idempotencyKeyOf } from './idempotency-key';

const ctxWith = (headers: Record<string, string> = {}) =>
  ({ req: { headers } }) as unknown as Pick<GqlContext, 'req'>;

describe('idempotencyKeyOf', () => {
  it('reads the header, the input field, or both when equal', () => {
    expect(idempotencyKeyOf({ input: {} }, ctxWith({ 'idempotency-key': 'k1' }))).toBe('k1');
    expect(idempotencyKeyOf({ input: { idempotencyKey: 'k2' } }, ctxWith())).toBe('k2');
    expect(idempotencyKeyOf({ input: { idempotencyKey: 'k3' } }, ctxWith({ 'idempotency-key': 'k3' }))).toBe(
      'k3',
    );
    expect(idempotencyKeyOf({ input: { name: 'x' } }, ctxWith())).toBeUndefined();
  });

  it('refuses a header and an input key that differ', () => {
    expect(() =>
      idempotencyKeyOf({ input: { idempotencyKey: 'a' } }, ctxWith({ 'idempotency-key': 'b' })),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }) as GatewayError);
  });

  it.each(['', 'x'.repeat(256), 'tab\there', 'é'])('refuses the key %j', (key) => {
    expect(() => idempotencyKeyOf({ input: { idempotencyKey: key } }, ctxWith())).toThrow(GatewayError);
  });
});

describe('fingerprintOf', () => {
  it('ignores key order and the idempotency key, but not the operation or values', () => {
    const a = fingerprintOf('createInstance', { input: { name: 'a', gpuCount: 1, idempotencyKey: 'k' } });
    const b = fingerprintOf('createInstance', { input: { gpuCount: 1, name: 'a' } });
    expect(a).toBe(b);
    expect(fingerprintOf('createInstance', { input: { gpuCount: 2, name: 'a' } })).not.toBe(a);
    expect(fingerprintOf('createVolume', { input: { gpuCount: 1, name: 'a' } })).not.toBe(a);
  });

  it('canonical JSON drops undefined and renders Dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: new Date(0) })).toBe(
      '{"b":1,"c":"1970-01-01T00:00:00.000Z"}',
    );
  });
});
