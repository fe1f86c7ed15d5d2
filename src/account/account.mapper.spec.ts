import { toBalance } from './account.mapper';

describe('account mapper', () => {
  it('maps the balance', () => {
    expect(toBalance({ balance: 42.5731, currency: 'INR', can_create_instance: true })).toEqual({
      amount: '42.5731',
      currency: 'INR',
      threshold: null,
      canCreateInstance: true,
    });
  });
});
