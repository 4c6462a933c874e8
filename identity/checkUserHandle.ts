import { invalidField } from './IdentityError';

/**
 * Refuse a caller's `given` user handle that is not 1 to 64 base64url bytes, or that differs
 * from the handle `kept` for this user and RP: one user has one handle per RP.
 */
export function checkUserHandle(given: string | undefined, kept: string | undefined) {
  if (given === undefined) return;
  const bytes = Buffer.from(given, 'base64url');
  // Round-tripping rejects characters outside base64url that Buffer would silently skip.
  if (bytes.length === 0 || bytes.length > 64 || bytes.toString('base64url') !== given) {
    throw invalidField('/userHandle', 'expected 1 to 64 bytes, base64url-encoded without padding');
  }
  if (kept !== undefined && given !== kept) {
    throw invalidField('/userHandle', 'differs from the handle this user already has for this RP');
  }
}
