import type Database from 'better-sqlite3';
import { StorageError } from '../StorageError';
import { UniqueViolation } from '../UniqueViolation';

/**
 * Codes meaning "the disk or the file let us down", as opposed to our own mistakes
 * (SQLITE_ERROR: bad SQL) or expected outcomes (SQLITE_CONSTRAINT_*: a conflict the caller reads).
 */
const unavailable =
  /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PERM|PROTOCOL|NOMEM)/;
/** A unique index already holds the value: the repositories' conflict (UniqueViolation). */
const unique = /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/;

/**
 * Wrap one prepared statement so that every storage failure surfaces as STORAGE_UNAVAILABLE
 * and a unique-index refusal as UniqueViolation; anything else is thrown as SQLite threw it.
 */
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
        if (typeof code === 'string' && unique.test(code)) {
          throw new UniqueViolation(String((error as Error).message), { cause: error });
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
