import { lookupText } from './lookupText';

/**
 * JSON Forms' `i18n.translate` over the step's texts. It must return `defaultMessage`
 * (possibly undefined) for a missing key: the error translator relies on `undefined` to
 * fall back from `userName.error.required` to `error.required` to ajv's own message.
 */
export function createFormTranslator(texts: Record<string, string>) {
  return (key: string, defaultMessage: string | undefined): string | undefined =>
    lookupText({ texts, key, fallback: defaultMessage });
}
