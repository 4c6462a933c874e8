export type Route =
  | { kind: 'start'; processTokenId: string }
  | { kind: 'flow'; instanceId: string }
  | { kind: 'bind' }
  | { kind: 'unknown' };

/** Which screen the address asks for: `/start/:processTokenId`, `/flow/:instanceId` or `/bind`. */
export function parseRoute(pathname: string): Route {
  // Beyond Identity's hosted authenticator; its parameters travel in the fragment.
  if (/^\/bind\/?$/.test(pathname)) return { kind: 'bind' };
  const match = /^\/(start|flow)\/([^/]+)\/?$/.exec(pathname);
  const id = match?.[2] === undefined ? null : decodeSegment(match[2]);
  if (match === null || id === null || id === '') return { kind: 'unknown' };
  return match[1] === 'start'
    ? { kind: 'start', processTokenId: id }
    : { kind: 'flow', instanceId: id };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`) is a broken link, not a crash.
    return null;
  }
}
