import { pageContentTypes } from './pageContentTypes';

const MAX_PATH_LENGTH = 200;
const MAX_SEGMENTS = 8;
/** Plain names only: no leading dot (hidden files) or dash, nothing a URL would need to escape. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export type NormalizePagePathResult =
  | { ok: true; path: string; contentType: string }
  | { ok: false; message: string };

const allowed = Object.keys(pageContentTypes)
  .map((ext) => `.${ext}`)
  .join(', ');

/**
 * Checks one bundle path: relative, `/`-separated, no `.`/`..` or empty segments, plain names,
 * an allowed extension. Nothing is rewritten: a path that needs fixing is refused, so the path
 * stored is the path uploaded (and can never point outside the bundle — zip-slip).
 */
export function normalizePagePath({ path }: { path: string }): NormalizePagePathResult {
  const shown = JSON.stringify(path.slice(0, MAX_PATH_LENGTH));
  if (path === '') return { ok: false, message: 'received an empty path; expected e.g. app.js' };
  // Long paths are never needed by a page and bloat every record that lists them.
  if (path.length > MAX_PATH_LENGTH) {
    return {
      ok: false,
      message: `received a ${path.length}-character path; expected at most ${MAX_PATH_LENGTH}`,
    };
  }
  // Windows separators would mean a different file to different tools.
  if (path.includes('\\')) {
    return {
      ok: false,
      message: `received ${shown} with a backslash; expected '/' between folders`,
    };
  }
  // An absolute path names something outside the bundle.
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return {
      ok: false,
      message: `received absolute path ${shown}; expected a path relative to the bundle root`,
    };
  }
  const segments = path.split('/');
  // `..` climbs out of the bundle (zip-slip); `.` and empty segments make two names for one file.
  const dotted = segments.find((s) => s === '..' || s === '.' || s === '');
  if (dotted !== undefined) {
    return {
      ok: false,
      message: `received ${shown} with ${dotted === '' ? 'an empty' : `a '${dotted}'`} segment; expected a normalised path without '.', '..' or '//'`,
    };
  }
  if (segments.length > MAX_SEGMENTS) {
    return {
      ok: false,
      message: `received ${shown} nested ${segments.length} deep; expected at most ${MAX_SEGMENTS}`,
    };
  }
  const odd = segments.find((s) => !SEGMENT.test(s));
  // Control characters, spaces, `%`, `?`, `#` and hidden files have no place in a page's URL.
  if (odd !== undefined) {
    return {
      ok: false,
      message: `received ${shown}: '${odd}' is not a plain name; expected letters, digits, '_', '.', '-' (not starting with '.' or '-')`,
    };
  }
  const name = segments.at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const contentType = Object.hasOwn(pageContentTypes, extension)
    ? pageContentTypes[extension]
    : undefined;
  // Only types a browser treats predictably under a fixed Content-Type and nosniff.
  if (contentType === undefined) {
    return {
      ok: false,
      message: `received ${shown}: type '${extension ? `.${extension}` : '(none)'}' is not allowed; expected one of ${allowed}`,
    };
  }
  return { ok: true, path, contentType };
}
