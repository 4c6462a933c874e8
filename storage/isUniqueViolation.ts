/** Whether `error` is SQLite's unique-constraint failure on `column` of `table`. */
export function isUniqueViolation(error: unknown, column: string) {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
    typeof message === 'string' &&
    message.includes(column)
  );
}
