import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { encodeCbor } from './cbor';

/**
 * COSE algorithm identifiers the soft authenticator can create: ES256 (P-256), ES384 (P-384),
 * ES512 (P-521), EdDSA (Ed25519) and RS256.
 */
export type CoseAlgorithm = -7 | -35 | -36 | -8 | -257;

/** COSE_Key entries (integer labels), as `encodeCbor` writes them: the override's shape too. */
export type CoseKeyEntries = Map<number, number | boolean | Uint8Array>;

export interface CredentialKeyPair {
  algorithm: CoseAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

// RFC 9053 §7.1 curve identifiers for EC2 (1–3) and OKP (6), per algorithm.
const curves = {
  [-7]: { namedCurve: 'P-256', crv: 1, hash: 'sha256' },
  [-35]: { namedCurve: 'P-384', crv: 2, hash: 'sha384' },
  [-36]: { namedCurve: 'P-521', crv: 3, hash: 'sha512' },
} as const;

export function generateCredentialKeyPair(algorithm: CoseAlgorithm): CredentialKeyPair {
  const { privateKey, publicKey } =
    algorithm === -257
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : algorithm === -8
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: curves[algorithm].namedCurve });
  return { algorithm, privateKey, publicKey };
}

function jwkBytes(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string') throw new Error(`public key JWK has no "${name}"`);
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

/**
 * The credential public key as it appears in attested credential data (WebAuthn L3 §6.5.1.1):
 * a COSE_Key with integer labels (RFC 9052 §7, RFC 9053 §7.1 for EC2 and OKP, RFC 8230 §4 for
 * RSA). Entries are in CTAP2 canonical order (1, 3, -1, -2, -3), as real authenticators emit them.
 */
export function coseKeyEntries(publicKey: KeyObject, algorithm: CoseAlgorithm): CoseKeyEntries {
  const jwk = publicKey.export({ format: 'jwk' });
  if (algorithm === -257) {
    return new Map<number, number | Uint8Array>([
      [1, 3], // kty: RSA
      [3, -257], // alg: RS256
      [-1, jwkBytes(jwk.n, 'n')],
      [-2, jwkBytes(jwk.e, 'e')],
    ]);
  }
  if (algorithm === -8) {
    return new Map<number, number | Uint8Array>([
      [1, 1], // kty: OKP
      [3, -8], // alg: EdDSA
      [-1, 6], // crv: Ed25519
      [-2, jwkBytes(jwk.x, 'x')],
    ]);
  }
  return new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, algorithm],
    [-1, curves[algorithm].crv],
    [-2, jwkBytes(jwk.x, 'x')],
    [-3, jwkBytes(jwk.y, 'y')],
  ]);
}

export function encodeCosePublicKey(publicKey: KeyObject, algorithm: CoseAlgorithm): Uint8Array {
  return encodeCbor(coseKeyEntries(publicKey, algorithm));
}

/**
 * Signs like an authenticator (WebAuthn L3 §6.5.5): ECDSA signatures are ASN.1 DER encoded
 * (node's default dsaEncoding) over the algorithm's hash, RS256 is RSASSA-PKCS1-v1_5 with
 * SHA-256 (node's default padding), EdDSA signs the message itself.
 */
export function signWithCredentialKey(
  privateKey: KeyObject,
  data: Uint8Array,
  algorithm: CoseAlgorithm = -7,
): Uint8Array {
  const hash = algorithm === -8 ? null : algorithm === -257 ? 'sha256' : curves[algorithm].hash;
  return new Uint8Array(sign(hash, data, privateKey));
}
