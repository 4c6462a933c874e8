/**
 * A served HTML file with the page bridge loaded first (a classic script, so it runs before
 * any of the page's own scripts): it lets `navigator.credentials.create()` in the sandboxed
 * frame be answered by the host. The stored bytes stay as uploaded; only the response changes.
 */
export function injectPageBridge({ html, bridgeUrl }: { html: Uint8Array; bridgeUrl: string }) {
  const text = new TextDecoder().decode(html);
  const tag = `<script src="${escapeAttribute(bridgeUrl)}"></script>`;
  // After <head> if there is one, else after <html>, else after the doctype, else first.
  for (const opening of [/<head(\s[^>]*)?>/i, /<html(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const match = opening.exec(text);
    if (match) {
      const end = match.index + match[0].length;
      return `${text.slice(0, end)}${tag}${text.slice(end)}`;
    }
  }
  return `${tag}${text}`;
}

function escapeAttribute(value: string) {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
