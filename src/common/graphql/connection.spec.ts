import { connectionFromArray, decodeCursor, encodeCursor } from './connection';

describe('encodeCursor', () => {
  it('is base64url of version, list and offset, the same whether remembered or not', () => {
    const first = encodeCursor('instances', 3);
    expect(Buffer.from(first, 'base64url').toString('utf8')).toMatch(/^[^:]+:instances:3$/);
    expect(encodeCursor('instances', 3)).toBe(first);
    expect(decodeCursor(first, 'instances', 'after')).toBe(3);
    // Past the remembered offsets: built each time, decoded alike.
    expect(decodeCursor(encodeCursor('instances', 5_000), 'instances', 'after')).toBe(5_000);
  });

  it('keeps lists apart', () => {
    expect(encodeCursor('volumes', 0)).not.toBe(encodeCursor('snapshots', 0));
    expect(() => decodeCursor(encodeCursor('volumes', 0), 'snapshots', 'after')).toThrow();
  });

  it('refuses a list name that is not one', () => {
    expect(() => encodeCursor('not a list', 0)).toThrow(/not a list name/);
  });

  it('gives a page its edges with cursors that continue across pages', () => {
    const items = ['a', 'b', 'c', 'd'];
    const page1 = connectionFromArray(items, { first: 2 }, 'letters');
    const page2 = connectionFromArray(items, { first: 2, after: page1.pageInfo.endCursor }, 'letters');
    expect(page2.nodes).toEqual(['c', 'd']);
    expect(page2.edges[0]!.cursor).toBe(encodeCursor('letters', 2));
  });
});
