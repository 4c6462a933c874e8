/**
 * `href` only if it is an http(s) or same-site relative address. Server-supplied URLs end
 * up in links and frames; a `javascript:` or `data:` URL there would run in our origin.
 */
export function safeExternalUrl({ href, base }: { href: string | null; base: string }) {
  if (href === null || href.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
