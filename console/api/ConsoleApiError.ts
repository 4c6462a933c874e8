/** An error answer of Keyform's API, as the console shows it: never swallowed, always with its code. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The API's `details` (e.g. `fields: [{path, message}]` for errors at a field). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}
