/**
 * Pick the locale to show from those a form has texts for: `?lang=` first, then the
 * Accept-Language preferences in q order, matching exactly or by language; else `en`, else any.
 */
export function chooseLocale({
  available,
  lang,
  acceptLanguage,
}: {
  available: string[];
  lang?: string | undefined;
  acceptLanguage?: string | undefined;
}) {
  const wanted = [lang, ...parseAcceptLanguage(acceptLanguage ?? '')].filter((l): l is string =>
    Boolean(l),
  );
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const exact = available.find((a) => a.toLowerCase() === lower);
    if (exact) return exact;
    const language = available.find((a) => a.toLowerCase() === lower.split('-')[0]);
    if (language) return language;
  }
  return available.includes('en') ? 'en' : (available[0] ?? 'en');
}

function parseAcceptLanguage(header: string) {
  return header
    .split(',')
    .slice(0, 16)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(p.tag) && p.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((p) => p.tag);
}
