import type { RecordRepositories } from './openStorage';

/** Thrown to roll a transaction back; carries the outcome its runTransaction returns instead. */
export class Rollback<O> extends Error {
  override readonly name = 'Rollback';
  constructor(
    readonly outcome: O,
    /** The runTransaction that threw it, so an enclosing one never takes another's outcome. */
    readonly owner: object,
  ) {
    super('transaction rolled back');
  }
}

/**
 * Run `work` in one transaction (`records.transaction`), handing it `rollbackWith(outcome)`:
 * throwing is how a transaction rolls back, and this lets the outcome come back typed as the
 * result instead of an error. Any other error rolls back and propagates.
 */
export async function runTransaction<T, O>(
  records: {
    transaction: <R>(work: (repos: RecordRepositories) => Promise<R>) => Promise<R>;
  },
  work: (repos: RecordRepositories, rollbackWith: (outcome: O) => never) => Promise<T>,
): Promise<T | O> {
  const owner = {};
  const rollbackWith = (outcome: O): never => {
    throw new Rollback(outcome, owner);
  };
  try {
    return await records.transaction((repos) => work(repos, rollbackWith));
  } catch (error) {
    // Only this call's own Rollback carries an O.
    if (error instanceof Rollback && error.owner === owner) return error.outcome as O;
    throw error;
  }
}
