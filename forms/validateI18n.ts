import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import type { FormFieldIssue } from './FormError';
import { validatePlainText } from './validatePlainText';

/** BCP-47-ish: primary language subtag, then optional script/region/variant subtags. */
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_KEY_LENGTH = 200;

export type ValidateI18nOptions = {
  i18n: unknown;
  path?: string;
};

/** Checks `{locale: {key: text}}` translation bundles; every text must be plain text. */
export function validateI18n({ i18n, path = '/i18n' }: ValidateI18nOptions): FormFieldIssue[] {
  // Bundles are addressed by locale, so a map is required.
  if (!isPlainObject(i18n)) {
    return [{ path, message: `received ${describe(i18n)}; expected an object of locale bundles` }];
  }
  return Object.entries(i18n).flatMap(([locale, bundle]) =>
    validateBundle(locale, bundle, appendPointer(path, locale)),
  );
}

function validateBundle(locale: string, bundle: unknown, path: string): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  if (!LOCALE.test(locale)) {
    issues.push({
      path,
      message: `received locale "${locale}"; expected a BCP-47 tag such as "en" or "de-CH"`,
    });
  }
  // Texts are looked up by key, so a map is required.
  if (!isPlainObject(bundle)) {
    issues.push({ path, message: `received ${describe(bundle)}; expected an object of texts` });
    return issues;
  }
  for (const [key, text] of Object.entries(bundle)) {
    const textPath = appendPointer(path, key);
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      issues.push({
        path: textPath,
        message: `received a key of ${key.length} characters; expected 1 to ${MAX_KEY_LENGTH}`,
      });
    }
    issues.push(...validatePlainText({ value: text, path: textPath }));
  }
  return issues;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value;
}
