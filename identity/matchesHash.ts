import { timingSafeEqual } from 'node:crypto';
import { hashSecret } from './hashSecret';

/** Whether `secret` hashes to `expected` (hex), compared in constant time. */
export function matchesHash(secret: string, expected: string | null) {
  if (expected === null) return false;
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}
