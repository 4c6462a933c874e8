import { UniqueViolation } from './UniqueViolation';

/** Whether `error` is a unique-index refusal that names `column`: a conflict, not a failure. */
export function isUniqueViolation(error: unknown, column: string) {
  return error instanceof UniqueViolation && error.message.includes(column);
}
