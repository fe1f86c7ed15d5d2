import { memoize, type GqlContext } from '../common/context/gql-context';

/** What idempotency did for one mutation field of a request; the audit trail reads it. */
export interface IdempotencyNote {
  key: string;
  replayed: boolean;
  reconciled?: boolean;
}

const MEMO_KEY = 'idempotency.notes';

function notes(ctx: GqlContext): Map<string, IdempotencyNote> {
  return memoize(ctx, MEMO_KEY, () => new Map<string, IdempotencyNote>());
}

/** `responseKey` is the field's alias or name: two aliased calls of one mutation stay apart. */
export function noteIdempotency(ctx: GqlContext, responseKey: string, note: IdempotencyNote): void {
  notes(ctx).set(responseKey, note);
}

export function idempotencyNoteOf(ctx: GqlContext, responseKey: string): IdempotencyNote | undefined {
  return (ctx.memo.get(MEMO_KEY) as Map<string, IdempotencyNote> | undefined)?.get(responseKey);
}
