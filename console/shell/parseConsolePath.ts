/** Where a console URL points: a section and the path below it, or the start page. */
export type ConsoleLocation =
  | { section: undefined; subpath: '' }
  | { section: string; subpath: string };

/**
 * `/`, `/console` and `/console/` are the start page; `/console/forms/signup/3` is section
 * `forms` with subpath `signup/3`. Anything else is the start page too: the shell never 404s.
 */
export function parseConsolePath(pathname: string): ConsoleLocation {
  const match = /^\/console\/([^/]+)\/?(.*)$/.exec(pathname);
  if (!match) return { section: undefined, subpath: '' };
  return { section: decodeURIComponent(match[1]!), subpath: match[2]!.replace(/\/+$/, '') };
}
