/** Same shape as form and page names, so definitions share one naming rule and URL-safe ids. */
const DEFINITION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** True for a name a process, form or page definition may be stored under. */
export function isDefinitionName(value: unknown): value is string {
  return typeof value === 'string' && DEFINITION_NAME.test(value);
}
