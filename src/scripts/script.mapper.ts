import type { Script } from './models/script.model';
import { nodeIds } from '../common/graphql/node';
import type { components } from '../barrack/contract/barrack-api.types';
import { date, dateOrNull, stringOrNull } from '../common/mapping/tolerant-values';

type S = components['schemas'];

export function toScript(w: S['Script']): Script {
  return {
    ...nodeIds('Script', w.script_id),
    name: w.name,
    description: stringOrNull(w.description),
    content: w.content,
    createdAt: date(w.created_at),
    updatedAt: dateOrNull(w.updated_at),
  };
}
