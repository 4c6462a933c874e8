import { randomBytes } from 'node:crypto';
import { encodeCosePublicKey, generateCredentialKeyPair } from '../../test/support/coseKey';
import type { SoftCredential } from '../../test/support/softAuthenticatorTypes';

/**
 * One ES256 credential per user, as the software authenticator's createCredential() would hold
 * it (test/support/softAuthenticatorTypes.ts), for users that registered before the run: a fresh
 * credential ID and user handle each, the key from a pool of `keys` (a P-256 key pair costs
 * ~0.2 ms, createResponseBuilder.ts does the same), counter 0 as stored. The bench keeps the
 * private halves, so the assertions it signs verify against the public keys fillRecords stores.
 */
export function createSignInCredentials({
  users,
  rpId = 'localhost',
  keys = 16,
}: {
  users: number;
  rpId?: string;
  keys?: number;
}): SoftCredential[] {
  const pool = Array.from({ length: keys }, () => {
    const pair = generateCredentialKeyPair(-7);
    return { ...pair, cosePublicKey: encodeCosePublicKey(pair.publicKey, -7) };
  });
  return Array.from({ length: users }, (_, i) => {
    const rawId = new Uint8Array(randomBytes(32));
    return {
      ...pool[i % pool.length]!,
      id: Buffer.from(rawId).toString('base64url'),
      rawId,
      rpId,
      userHandle: randomBytes(32).toString('base64url'),
      counter: 0,
    };
  });
}
