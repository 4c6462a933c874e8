// A language tag as BCP 47 spells it, loosely: `de`, `en-GB`, `zh-Hant-TW`.
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The API address for `path`, carrying the page's `?lang=` so the server picks the texts.
 * A malformed `lang` is dropped rather than forwarded: the server would only reject it.
 */
export function buildApiUrl({ path, pageSearch = '' }: { path: string; pageSearch?: string }) {
  const lang = new URLSearchParams(pageSearch).get('lang');
  if (lang === null || !languageTag.test(lang)) return path;
  return `${path}?lang=${encodeURIComponent(lang)}`;
}
