/** Typed reads of resolved inputs: a wrong type counts as absent (definitions were validated). */
export const str = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;
export const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
export const int = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** A failure outcome from any thrown error, keeping domain codes and hiding internals. */
export function failureOf(error: unknown, registrationKey?: string) {
  const code = (error as { code?: unknown }).code;
  return {
    code: typeof code === 'string' ? code : 'INTERNAL_ERROR',
    message: typeof code === 'string' ? (error as Error).message : 'internal error',
    ...(registrationKey ? { registrationKey } : {}),
  };
}
