import { barrackKeyOf, compoundKey, fromGlobalId, toGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips type and key, and differs per type for the same Barrack id', () => {
    const a = toGlobalId('Instance', 'BRK-123456D');
    const b = toGlobalId('Snapshot', 'BRK-123456D');
    expect(a).not.toBe(b);
    expect(fromGlobalId(a)).toEqual({ typename: 'Instance', key: 'BRK-123456D' });
    expect(fromGlobalId(b)).toEqual({ typename: 'Snapshot', key: 'BRK-123456D' });
  });

  it('keeps compound keys apart (the same image id in two regions)', () => {
    const n = toGlobalId('OsImage', compoundKey('NORWAY-1', 101));
    const c = toGlobalId('OsImage', compoundKey('CANADA-1', 101));
    expect(n).not.toBe(c);
    expect(fromGlobalId(c)?.key).toBe('CANADA-1/101');
  });

  it('returns null for Barrack ids, garbage and non-canonical encodings', () => {
    for (const bad of ['BRK-123456D', 'nope', '', '!!!!', 'aW5zdGFuY2U6eA', '101', 'SW5zdGFuY2U6']) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });

  it('refuses to build an id for a name that is not a GraphQL type', () => {
    expect(() => toGlobalId('not a type', 1)).toThrow();
  });
});

describe('barrackKeyOf', () => {
  it('takes the key of a global id of the expected type, or a raw Barrack id as it is', () => {
    expect(barrackKeyOf(toGlobalId('Volume', 42), 'Volume')).toBe('42');
    expect(barrackKeyOf('BRK-123456D', 'Instance')).toBe('BRK-123456D');
  });

  it('refuses a global id of another type', () => {
    expect(barrackKeyOf(toGlobalId('Snapshot', 7), 'Instance')).toBeNull();
  });
});
