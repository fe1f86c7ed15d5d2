import type { Balance } from './models/balance.model';
import { CURRENCIES } from '../common/graphql/barrack-enums';
import type { components } from '../barrack/contract/barrack-api.types';
import { decimal, decimalOrNull } from '../common/mapping/tolerant-values';

type S = components['schemas'];

export function toBalance(w: S['Balance']): Balance {
  return {
    amount: decimal(w.balance),
    currency: CURRENCIES.fromWire(w.currency),
    threshold: decimalOrNull(w.threshold),
    canCreateInstance: typeof w.can_create_instance === 'boolean' ? w.can_create_instance : null,
  };
}
