import type { DurabilityLevel, RecordDurability, WriteTicket } from '../RecordDurability';
import type { GroupCommit } from './createGroupCommit';
import type { RecordDriver } from './createRecordDriver';

/**
 * RecordDurability for the SQLite record database. A request's writes are committed once the
 * write batch open when it asks has committed (and no batch since its ticket was lost), and
 * durable once, after that, a WAL sync that began after that COMMIT has finished (the group
 * commit). Without a group commit (`synchronous: 'NORMAL'`, tests) durable means committed.
 */
export function createRecordDurability({
  batches,
  commits,
}: {
  batches: Pick<RecordDriver, 'batchForNextWrite' | 'batchCommitted'>;
  commits: Pick<GroupCommit, 'synced'> | undefined;
}): RecordDurability {
  /** Everybody waiting for the same batch shares one promise of the sync after it. */
  let syncing: { batch: Promise<void>; synced: Promise<void> } | undefined;
  const durable = (since: number): Promise<void> => {
    const pending = batches.batchCommitted(since);
    if (!commits) return pending ?? Promise.resolve();
    if (!pending) return commits.synced();
    if (syncing?.batch !== pending) {
      syncing = { batch: pending, synced: pending.then(commits.synced) };
    }
    return syncing.synced;
  };
  return {
    begin: () => batches.batchForNextWrite() as WriteTicket,
    reached: (ticket: WriteTicket, level: DurabilityLevel) =>
      level === 'committed'
        ? (batches.batchCommitted(ticket) ?? Promise.resolve())
        : durable(ticket),
  };
}
