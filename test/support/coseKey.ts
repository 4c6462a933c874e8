import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { encodeCbor } from './cbor';

/** COSE algorithm identifiers the soft authenticator can create: ES256 (P-256) and RS256. */
export type CoseAlgorithm = -7 | -257;

export interface CredentialKeyPair {
  algorithm: CoseAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateCredentialKeyPair(algorithm: CoseAlgorithm): CredentialKeyPair {
  const { privateKey, publicKey } =
    algorithm === -7
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { algorithm, privateKey, publicKey };
}

function jwkBytes(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string') throw new Error(`public key JWK has no "${name}"`);
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

/**
 * The credential public key as it appears in attested credential data (WebAuthn L3 §6.5.1.1):
 * a COSE_Key with integer labels (RFC 9052 §7, RFC 9053 §7.1 for EC2, RFC 8230 §4 for RSA).
 * Entries are in CTAP2 canonical order (1, 3, -1, -2, -3), as real authenticators emit them.
 */
export function encodeCosePublicKey(publicKey: KeyObject, algorithm: CoseAlgorithm): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const entries: [number, number | Uint8Array][] =
    algorithm === -7
      ? [
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, jwkBytes(jwk.x, 'x')],
          [-3, jwkBytes(jwk.y, 'y')],
        ]
      : [
          [1, 3], // kty: RSA
          [3, -257], // alg: RS256
          [-1, jwkBytes(jwk.n, 'n')],
          [-2, jwkBytes(jwk.e, 'e')],
        ];
  return encodeCbor(new Map(entries));
}

/**
 * Signs like an authenticator (WebAuthn L3 §6.5.5): ES256 signatures are ASN.1 DER encoded
 * (node's default dsaEncoding), RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (node's default padding).
 */
export function signWithCredentialKey(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign('sha256', data, privateKey));
}
