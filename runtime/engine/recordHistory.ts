import type { HistoryEntry, InstanceRecord } from '../../storage/InstanceRecord';
import type { RuntimeDeps } from '../RuntimeDeps';

/** Add a step to the instance's history (the admin view's list of what happened), stamped now. */
export function recordHistory(
  deps: Pick<RuntimeDeps, 'now'>,
  instance: InstanceRecord,
  entry: Omit<HistoryEntry, 'at'>,
) {
  instance.history.push({ ...entry, at: new Date(deps.now()).toISOString() });
}
