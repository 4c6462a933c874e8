import type { FieldError } from '../../runtime/engine/StepView';
import { isPathShown } from './isPathShown';
import { pointerToDataPath } from './pointerToDataPath';

export interface MappedFieldErrors {
  /** Messages per JSON Forms data path, for the control with that path. */
  byPath: Map<string, string>;
  /** Errors no rendered control can show (root-level, or a field not in the uischema). */
  general: string[];
}

/**
 * Sorts the server's field errors (`{path: '/userName', message}`) onto the controls. An
 * error no control shows is listed with its field's name (`labelOf`), since a bare "is a
 * required property" at the top of the form would not say which field is meant.
 */
export function mapFieldErrors({
  errors,
  controlPaths,
  labelOf = (path) => path,
}: {
  errors: FieldError[];
  controlPaths: ReadonlySet<string>;
  labelOf?: (dataPath: string) => string;
}): MappedFieldErrors {
  const byPath = new Map<string, string>();
  const general = new Set<string>();
  for (const { path, message } of errors) {
    const dataPath = pointerToDataPath(path);
    if (!isPathShown(dataPath, controlPaths)) {
      general.add(dataPath === '' ? message : `${labelOf(dataPath)}: ${message}`);
      continue;
    }
    const earlier = byPath.get(dataPath);
    byPath.set(dataPath, earlier === undefined ? message : `${earlier}\n${message}`);
  }
  return { byPath, general: [...general] };
}
