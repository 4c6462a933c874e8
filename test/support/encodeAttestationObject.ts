import { createHash, type KeyObject } from 'node:crypto';
import { encodeCbor } from './cbor';
import { type CoseAlgorithm, signWithCredentialKey } from './coseKey';

export type AttestationFormat = 'none' | 'packed';

export interface AttestationObjectInput {
  format: AttestationFormat;
  /** `fmt` label to write; defaults to `format`. Lets tests mislabel the statement. */
  fmt?: string;
  authData: Uint8Array;
  clientDataJSON: Uint8Array;
  /** Packed only: the key that signs (the credential key, or another one to forge) and its alg. */
  signingKey?: KeyObject;
  algorithm: CoseAlgorithm;
}

/**
 * Attestation object (WebAuthn L3 §6.5.4): a CBOR map { fmt, attStmt, authData }, keys in CTAP2
 * canonical order. 'none' (§8.7) has an empty attStmt. 'packed' self attestation (§8.2) has
 * { alg, sig } with sig over authenticatorData || SHA-256(clientDataJSON) and no x5c.
 */
export function encodeAttestationObject(input: AttestationObjectInput): Uint8Array {
  const { format, fmt = format, authData, clientDataJSON, signingKey, algorithm } = input;
  const attStmt = new Map<string, number | Uint8Array>();
  if (format === 'packed') {
    if (!signingKey) throw new Error('packed attestation needs a signing key');
    const clientDataHash = createHash('sha256').update(clientDataJSON).digest();
    attStmt.set('alg', algorithm);
    attStmt.set(
      'sig',
      signWithCredentialKey(signingKey, Buffer.concat([authData, clientDataHash]), algorithm),
    );
  }
  return encodeCbor(
    new Map<string, unknown>([
      ['fmt', fmt],
      ['attStmt', attStmt],
      ['authData', authData],
    ]),
  );
}
