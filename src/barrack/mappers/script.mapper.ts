import type { Script } from '../../scripts/models/script.model';
import { nodeIds } from '../../common/graphql/node';
import type { components } from '../contract/barrack-api.types';
import { date, dateOrNull, stringOrNull } from './tolerant-values';

type S = components['schemas'];

export function toScript(w: S['Script']): Script {
  return {
    name: w.name,
    description: stringOrNull(w.description),
    content: w.content,
    createdAt: date(w.created_at),
    updatedAt: dateOrNull(w.updated_at),
    ...nodeIds('Script', w.script_id),
  };
}
