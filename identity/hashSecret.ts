import { createHash } from 'node:crypto';

/** Secrets (tokens, link tokens, capabilities) are stored only as this hash. */
export function hashSecret(secret: string) {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
