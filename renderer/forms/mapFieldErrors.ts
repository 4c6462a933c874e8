import type { FieldError } from '../../runtime/StepView';
import { pointerToDataPath } from './pointerToDataPath';

export interface MappedFieldErrors {
  /** Messages per JSON Forms data path, for the control with that path. */
  byPath: Map<string, string>;
  /** Errors no rendered control can show (root-level, or a field not in the uischema). */
  general: string[];
}

/** Sorts the server's field errors (`{path: '/userName', message}`) onto the controls. */
export function mapFieldErrors({
  errors,
  controlPaths,
}: {
  errors: FieldError[];
  controlPaths: Set<string>;
}): MappedFieldErrors {
  const byPath = new Map<string, string>();
  const general: string[] = [];
  for (const { path, message } of errors) {
    const dataPath = pointerToDataPath(path);
    if (!controlPaths.has(dataPath)) {
      general.push(message);
      continue;
    }
    const earlier = byPath.get(dataPath);
    byPath.set(dataPath, earlier === undefined ? message : `${earlier}\n${message}`);
  }
  return { byPath, general };
}
