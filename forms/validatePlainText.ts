import type { FormFieldIssue } from './FormError';

/** `<` followed by a letter, `/` or `!` starts a tag, closing tag, comment or doctype. */
const MARKUP = /<[A-Za-z/!]/;

export type ValidatePlainTextOptions = {
  value: unknown;
  path: string;
  maxLength?: number;
};

/** Labels, descriptions and translations are shown to end users, so they must be inert text. */
export function validatePlainText({
  value,
  path,
  maxLength = 500,
}: ValidatePlainTextOptions): FormFieldIssue[] {
  // Only strings can be text.
  if (typeof value !== 'string') {
    return [{ path, message: `received ${typeof value}; expected a plain-text string` }];
  }
  // Long texts break layouts and inflate every page render.
  if (value.length > maxLength) {
    return [
      { path, message: `received ${value.length} characters; expected at most ${maxLength}` },
    ];
  }
  // Markup could be rendered as HTML by a less careful renderer.
  const markup = MARKUP.exec(value);
  if (markup !== null) {
    return [
      {
        path,
        message: `received markup "${markup[0]}" at index ${markup.index}; expected plain text without HTML`,
      },
    ];
  }
  return [];
}
