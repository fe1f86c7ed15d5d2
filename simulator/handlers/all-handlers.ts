import type { BarrackOperationId } from '../../src/barrack/contract/operations';
import { aiHandlers } from './ai.handlers';
import { catalogHandlers } from './catalog.handlers';
import { firewallHandlers } from './firewalls.handlers';
import type { Handler } from './handler';
import { instanceHandlers } from './instances.handlers';
import { scriptHandlers } from './scripts.handlers';
import { snapshotHandlers } from './snapshots.handlers';
import { sshKeyHandlers } from './ssh-keys.handlers';
import { volumeHandlers } from './volumes.handlers';

/** Every operation of the contract has exactly one handler; a missing one fails at startup. */
export function allHandlers(operationIds: readonly BarrackOperationId[]): Map<BarrackOperationId, Handler> {
  const tables = [
    catalogHandlers,
    instanceHandlers,
    volumeHandlers,
    firewallHandlers,
    sshKeyHandlers,
    scriptHandlers,
    snapshotHandlers,
    aiHandlers,
  ];
  const out = new Map<BarrackOperationId, Handler>();
  for (const table of tables) {
    for (const [op, h] of Object.entries(table) as [BarrackOperationId, Handler][]) {
      if (out.has(op)) throw new Error(`two simulator handlers for ${op}`);
      out.set(op, h);
    }
  }
  const missing = operationIds.filter((op) => !out.has(op));
  if (missing.length) throw new Error(`simulator has no handler for ${missing.join(', ')}`);
  return out;
}
