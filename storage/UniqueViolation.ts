/**
 * A write refused because a unique index already holds its value. Each record backend turns
 * its own error for this (SQLite: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY) into this one, so the
 * repositories can answer a conflict without knowing the database (isUniqueViolation).
 */
export class UniqueViolation extends Error {
  override readonly name = 'UniqueViolation';

  /** `message` is the database's own, naming the index's columns or the constraint. */
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}
