/** Plain words for each JSON Schema rule, when a form's texts have none of their own. */
const defaults: Record<string, string> = {
  required: 'This field is required.',
  minLength: 'This is too short.',
  maxLength: 'This is too long.',
  pattern: 'This contains characters that are not allowed.',
  format: 'This is not in the expected format.',
  type: 'This has the wrong kind of value.',
  enum: 'Choose one of the options.',
  const: 'This value is not allowed.',
  minimum: 'This number is too small.',
  maximum: 'This number is too large.',
  exclusiveMinimum: 'This number is too small.',
  exclusiveMaximum: 'This number is too large.',
  additionalProperties: 'This is not a field of this form.',
  taken: 'This is already taken.',
};

/**
 * The message for a field error in the chosen locale: `<field>.error.<keyword>`, then
 * `error.<keyword>`, then a plain default — never a validator's message about regexes.
 */
export function translateFieldError({
  path,
  keyword,
  message,
  texts,
}: {
  path: string;
  keyword?: string | undefined;
  message: string;
  texts: Record<string, string>;
}) {
  if (!keyword) return message;
  // JSON Forms' i18n prefix leaves array indices out (transformPathToI18nPrefix): an item's
  // error is translated the same in every row, and the same as in the browser.
  const field = path
    .replace(/^\//, '')
    .split('/')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  return (
    texts[`${field}.error.${keyword}`] ?? texts[`error.${keyword}`] ?? defaults[keyword] ?? message
  );
}
