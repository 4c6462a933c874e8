/**
 * The error a control shows now. A server error stands until the user edits the field
 * (it judged the old value); the client's own validation shows only once the field was
 * left (blurred) or a submit was tried, so nobody is scolded while still typing.
 */
export function pickVisibleError({
  clientError,
  serverError,
  touched,
  submitted,
  edited,
}: {
  clientError: string;
  serverError: string | undefined;
  touched: boolean;
  submitted: boolean;
  edited: boolean;
}): string {
  if (serverError !== undefined && serverError !== '' && !edited) return serverError;
  return touched || submitted ? clientError : '';
}
