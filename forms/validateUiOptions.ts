import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import type { FormFieldIssue } from './FormError';
import { validatePlainText } from './validatePlainText';

export type ValidateUiOptionsOptions = {
  options: unknown;
  path: string;
};

/**
 * JSON Forms `options` may hold only primitives or arrays of primitives, and `detail` a nested
 * UI schema, which validateUiSchema checks like `elements`: any other nested object would
 * smuggle unvalidated structure to the renderer.
 */
export function validateUiOptions({ options, path }: ValidateUiOptionsOptions): FormFieldIssue[] {
  // A non-object cannot be an options bag.
  if (!isPlainObject(options)) {
    return [{ path, message: `received ${typeof options}; expected an options object` }];
  }
  const issues: FormFieldIssue[] = [];
  for (const [key, value] of Object.entries(options)) {
    // The caller validates a detail UI schema, with the scope it is relative to.
    if (key === 'detail' && isPlainObject(value)) continue;
    const valuePath = appendPointer(path, key);
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const itemPath = Array.isArray(value) ? appendPointer(valuePath, index) : valuePath;
      issues.push(...validateOptionValue(item, itemPath));
    });
  }
  return issues;
}

function validateOptionValue(value: unknown, path: string): FormFieldIssue[] {
  if (typeof value === 'string') return validatePlainText({ value, path });
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return [];
  const received = Array.isArray(value) ? 'a nested array' : typeof value;
  return [{ path, message: `received ${received}; expected a string, number, boolean or null` }];
}
