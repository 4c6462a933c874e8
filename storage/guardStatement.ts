import type Database from 'better-sqlite3';
import { StorageError } from './StorageError';

/**
 * Codes meaning "the disk or the file let us down", as opposed to our own mistakes
 * (SQLITE_ERROR: bad SQL) or expected outcomes (SQLITE_CONSTRAINT_*: a conflict the caller reads).
 */
const unavailable =
  /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PERM|PROTOCOL|NOMEM)/;

/** Wrap one prepared statement so that every storage failure surfaces as STORAGE_UNAVAILABLE. */
export function guardStatement(statement: Database.Statement) {
  const guard =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && unavailable.test(code)) {
          throw new StorageError('STORAGE_UNAVAILABLE', `record database: ${code}`, {
            cause: error,
          });
        }
        throw error;
      }
    };
  return {
    reader: statement.reader,
    all: guard((params: unknown[]) => statement.all(params)),
    run: guard((params: unknown[]) => statement.run(params)),
  };
}
