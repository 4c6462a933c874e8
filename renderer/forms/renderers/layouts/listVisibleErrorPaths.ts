import { getControlPath } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';

/** Keywords JSON Forms shows at no control (its `filteredErrorKeywords`), so no marker either. */
const shownNowhere = new Set(['additionalProperties', 'allOf', 'anyOf', 'oneOf']);

/**
 * The data paths of the errors the form shows right now, by the same rule as
 * pickVisibleError: a client error once its field was left or a submit was tried, a server
 * error until its field is edited. Categories and list items mark themselves from these.
 */
export function listVisibleErrorPaths({
  clientErrors,
  serverErrors,
  touched,
  edited,
  submitted,
}: {
  clientErrors: readonly ErrorObject[] | undefined;
  serverErrors: ReadonlyMap<string, string>;
  touched: ReadonlySet<string>;
  edited: ReadonlySet<string>;
  submitted: boolean;
}): string[] {
  const paths: string[] = [];
  for (const error of clientErrors ?? []) {
    if (shownNowhere.has(error.keyword)) continue;
    const path = getControlPath(error);
    if (submitted || touched.has(path)) paths.push(path);
  }
  for (const [path, message] of serverErrors) {
    if (message !== '' && !edited.has(path)) paths.push(path);
  }
  return paths;
}
