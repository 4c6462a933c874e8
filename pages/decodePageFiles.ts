import { PageError } from './PageError';
import type { PageFileInput } from './validatePageBundle';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type DecodePageFilesResult =
  | { ok: true; files: PageFileInput[] }
  | { ok: false; error: PageError };

/**
 * The JSON upload form `{files: {path: base64}}` as bundle files. Standard base64 only
 * (`base64 -w0`); whitespace from wrapped output is dropped, anything else is refused rather
 * than decoded leniently into different bytes.
 */
export function decodePageFiles({
  files,
}: {
  files: Record<string, string>;
}): DecodePageFilesResult {
  const decoded: PageFileInput[] = [];
  for (const [path, text] of Object.entries(files)) {
    const compact = text.replace(/\s+/g, '');
    const bytes = Buffer.from(compact, 'base64');
    const canonical = bytes.toString('base64');
    // Buffer skips characters it does not know: round-trip to catch what it would drop.
    if (!BASE64.test(compact) || canonical.replace(/=+$/, '') !== compact.replace(/=+$/, '')) {
      return {
        ok: false,
        error: new PageError(
          'PAGE_INVALID',
          `received content for ${JSON.stringify(path.slice(0, 200))} that is not base64; expected standard base64 (e.g. from base64 -w0)`,
          { details: { fields: [{ path: path.slice(0, 200), message: 'not base64' }] } },
        ),
      };
    }
    decoded.push({ path, bytes: new Uint8Array(bytes) });
  }
  return { ok: true, files: decoded };
}
