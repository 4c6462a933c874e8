import { defaultErrorTranslator, getControlPath, type Translator } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { FieldError } from '../../runtime/engine/StepView';
import { isPathShown } from './isPathShown';

/** Reported beside the errors of their branches, which say what to fix. */
const summaryKeywords = new Set(['if', 'allOf']);

/**
 * The browser's own validation errors that no control shows (a required field the layout
 * leaves out), as field errors with JSON Forms' data path and translated message, so the
 * form can list them instead of refusing to submit without a word.
 */
export function listUnshownErrors({
  errors,
  controlPaths,
  translate,
}: {
  errors: readonly ErrorObject[];
  controlPaths: ReadonlySet<string>;
  translate: Translator;
}): FieldError[] {
  return errors.flatMap((error) => {
    const path = getControlPath(error);
    if (summaryKeywords.has(error.keyword) || isPathShown(path, controlPaths)) return [];
    return [{ path, message: defaultErrorTranslator(error, translate) }];
  });
}
