import { createHash } from 'node:crypto';
import { normalizePagePath } from './normalizePagePath';
import { PageError, type PageIssue } from './PageError';
import { type PageBundleLimits, pageBundleLimits } from './pageBundleLimits';

export type PageFileInput = { path: string; bytes: Uint8Array };
export type PageFile = PageFileInput & { size: number; contentType: string; sha256: string };

export type ValidatePageBundleResult =
  | { ok: true; files: PageFile[] }
  | { ok: false; error: PageError };

/**
 * Checks an uploaded bundle (DESIGN §7): a bounded number of files, each and all together
 * under their caps, normalised paths of allowed types, no two names for one file, and an
 * `index.html` at the root. Never throws for bad input; files come back hashed, in path order.
 */
export function validatePageBundle({
  files,
  limits = pageBundleLimits,
}: {
  files: PageFileInput[];
  limits?: PageBundleLimits;
}): ValidatePageBundleResult {
  const { maxFiles, maxFileBytes, maxBundleBytes } = limits;
  if (files.length === 0) return invalid('received no files; expected at least index.html', []);
  // Every file is a record, a blob and a lookup: the count is bounded like the bytes.
  if (files.length > maxFiles) {
    return tooLarge(`received ${files.length} files; expected at most ${maxFiles}`, {
      receivedFiles: files.length,
      maxFiles,
    });
  }
  const big = files.find((f) => f.bytes.length > maxFileBytes);
  if (big) {
    return tooLarge(
      `received ${big.bytes.length} bytes in ${JSON.stringify(big.path.slice(0, 200))}; expected at most ${maxFileBytes} per file`,
      { path: big.path.slice(0, 200), receivedBytes: big.bytes.length, maxFileBytes },
    );
  }
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > maxBundleBytes) {
    return tooLarge(`received ${total} bytes in all; expected at most ${maxBundleBytes}`, {
      receivedBytes: total,
      maxBundleBytes,
    });
  }
  const issues: PageIssue[] = [];
  const checked: PageFile[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const normal = normalizePagePath({ path: file.path });
    if (!normal.ok) {
      issues.push({ path: file.path.slice(0, 200), message: normal.message });
      continue;
    }
    // `App.js` and `app.js` are one file on some disks and two in a URL: refuse the ambiguity.
    const key = normal.path.toLowerCase();
    const twin = seen.get(key);
    if (twin !== undefined) {
      issues.push({
        path: normal.path,
        message: `received '${normal.path}' twice (also as '${twin}'); expected each path once`,
      });
      continue;
    }
    seen.set(key, normal.path);
    checked.push({
      path: normal.path,
      bytes: file.bytes,
      size: file.bytes.length,
      contentType: normal.contentType,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    });
  }
  if (issues.length > 0) {
    return invalid(
      `the bundle has ${issues.length} invalid path(s): ${issues[0]?.message}`,
      issues,
    );
  }
  // The host frames `index.html`; without it there is nothing to show.
  if (!seen.has('index.html') || seen.get('index.html') !== 'index.html') {
    const nested = checked.find((f) => f.path.endsWith('/index.html'))?.path;
    return invalid(
      `received no index.html at the bundle root${nested ? ` (found '${nested}': upload the folder's contents, not the folder)` : ''}; expected index.html`,
      [{ path: 'index.html', message: 'missing' }],
    );
  }
  checked.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, files: checked };
}

function invalid(message: string, fields: PageIssue[]): ValidatePageBundleResult {
  return { ok: false, error: new PageError('PAGE_INVALID', message, { details: { fields } }) };
}

function tooLarge(message: string, details: Record<string, unknown>): ValidatePageBundleResult {
  return { ok: false, error: new PageError('PAGE_TOO_LARGE', message, { details }) };
}
