import { appendPointer } from '../../core/appendPointer';
import { isPlainObject } from '../../core/isPlainObject';
import { isForbiddenName } from '../expressions/isForbiddenName';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';

export type RejectUnknownKeysOptions = {
  value: unknown;
  /** JSON pointer of `value` in the upload. */
  path: string;
  allowed: ReadonlyArray<string>;
  /** What the object is, for the message: "node", "branch", ... */
  what: string;
};

/**
 * One issue per key of `value` outside `allowed`: unknown keys are usually typos that would
 * otherwise be ignored silently. Forbidden keys (`__proto__`, ...) are skipped because
 * rejectForbiddenKeys already reports them for the whole upload.
 */
export function rejectUnknownKeys({
  value,
  path,
  allowed,
  what,
}: RejectUnknownKeysOptions): ProcessDefinitionIssue[] {
  // Only objects have keys; callers report a wrong type themselves.
  if (!isPlainObject(value)) return [];
  return Object.keys(value)
    .filter((key) => !allowed.includes(key) && !isForbiddenName(key))
    .map((key) => ({
      path: appendPointer(path, key),
      message: `received unknown ${what} key "${key}"; expected only ${allowed.join(', ')}`,
    }));
}
