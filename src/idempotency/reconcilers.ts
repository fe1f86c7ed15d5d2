import { Injectable } from '@nestjs/common';
import type { GqlContext } from '../common/context/gql-context';

export interface ReconcileInput {
  args: Record<string, unknown>;
  ctx: GqlContext;
}

/**
 * Looks for the resource a create with an unknown outcome would have made, by its unique name (only reads).
 * Returns what the resolver would have returned had Barrack answered (requestId null: that answer was lost),
 * or null when the resource is not there.
 */
export type Reconciler = (r: ReconcileInput) => Promise<unknown>;

/**
 * Reconcilers by mutation field name. The features register their own (in their resolvers' onModuleInit, as
 * they register node fetchers), so this module imports no feature; an @Idempotent mutation without one keeps
 * OUTCOME_UNKNOWN for a timed-out create.
 */
@Injectable()
export class IdempotencyReconcilers {
  private readonly byOperation = new Map<string, Reconciler>();

  register(operation: string, reconciler: Reconciler): void {
    if (this.byOperation.has(operation))
      throw new Error(`a reconciler for ${operation} is already registered`);
    this.byOperation.set(operation, reconciler);
  }

  for(operation: string): Reconciler | undefined {
    return this.byOperation.get(operation);
  }

  /** Operations that can be reconciled (for tests and docs). */
  operations(): string[] {
    return [...this.byOperation.keys()].sort();
  }
}

function inputOf(args: Record<string, unknown>): Record<string, unknown> {
  const input = args.input;
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}

/** `input.<field>` of the mutation's arguments, the unique name a reconciler looks the resource up by. */
export function inputName(args: Record<string, unknown>, field: string): string {
  const v = inputOf(args)[field];
  if (typeof v !== 'string' || !v) throw new Error(`reconcile: input.${field} missing`);
  return v;
}

/** `input.<field>` when it is a string (e.g. the source id of a restore), else null. */
export function inputString(args: Record<string, unknown>, field: string): string | null {
  const v = inputOf(args)[field];
  return typeof v === 'string' ? v : null;
}
