import { toGlobalId } from '../common/graphql/global-id';
import { toScript } from './script.mapper';

describe('script mapper', () => {
  it('maps a script', () => {
    expect(
      toScript({
        script_id: 'C',
        name: 'n',
        content: 'x',
        description: null,
        created_at: '2025-06-01T00:00:00Z',
      }),
    ).toEqual({
      id: toGlobalId('Script', 'C'),
      barrackId: 'C',
      name: 'n',
      description: null,
      content: 'x',
      createdAt: new Date('2025-06-01T00:00:00Z'),
      updatedAt: null,
    });
  });
});
