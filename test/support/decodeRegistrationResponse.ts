import { decodeCBOR, decodePartialCBOR } from '@levischuck/tiny-cbor';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { fromBase64url } from './base64url';

// Decodes with tiny-cbor, the decoder @simplewebauthn/server itself uses (its isoCBOR helper),
// so tests see the attestation exactly as the server will. It is a transitive dependency of
// @simplewebauthn/server, installed at the top level of node_modules.

export function asMap(value: unknown): Map<unknown, unknown> {
  if (!(value instanceof Map)) throw new Error('expected a CBOR map');
  return value;
}

export function asBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error('expected a CBOR byte string');
  return value;
}

export interface DecodedAttestation {
  fmt: unknown;
  attStmt: Map<unknown, unknown>;
  authData: Uint8Array;
  rpIdHash: Uint8Array;
  flags: number;
  counter: number;
  aaguid: Uint8Array;
  credentialId: Uint8Array;
  /** Everything after the credential id: the COSE_Key (no extensions are ever written). */
  cosePublicKey: Uint8Array;
  /** Bytes after the first CBOR item of the attestation object; normally empty. */
  trailingBytes: Uint8Array;
}

/** Splits the attestation object and its authenticator data (WebAuthn L3 §6.1, §6.5.1). */
export function decodeAttestation(response: RegistrationResponseJSON): DecodedAttestation {
  const bytes = fromBase64url(response.response.attestationObject);
  const [decoded, consumed] = decodePartialCBOR(bytes, 0);
  const attestationObject = asMap(decoded);
  const authData = asBytes(attestationObject.get('authData'));
  const view = new DataView(authData.buffer, authData.byteOffset, authData.byteLength);
  const credentialIdLength = view.getUint16(53);
  return {
    fmt: attestationObject.get('fmt'),
    attStmt: asMap(attestationObject.get('attStmt')),
    authData,
    rpIdHash: authData.slice(0, 32),
    flags: view.getUint8(32),
    counter: view.getUint32(33),
    aaguid: authData.slice(37, 53),
    credentialId: authData.slice(55, 55 + credentialIdLength),
    cosePublicKey: authData.slice(55 + credentialIdLength),
    trailingBytes: bytes.slice(consumed),
  };
}

/** The COSE_Key as the integer-keyed Map the server decodes it to. */
export function decodeCoseKey(cosePublicKey: Uint8Array): Map<unknown, unknown> {
  return asMap(decodeCBOR(cosePublicKey));
}

export function decodeClientData(response: RegistrationResponseJSON): unknown {
  return JSON.parse(Buffer.from(fromBase64url(response.response.clientDataJSON)).toString('utf8'));
}
