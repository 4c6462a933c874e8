/**
 * One cookie's value from a Cookie header, without a plugin: authorize() runs for every route,
 * and only the console's cookie is read there. Undefined when absent or empty.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** The console session's cookie (HttpOnly, SameSite=Strict, Path=/). */
export const consoleCookieName = 'kf_console';
