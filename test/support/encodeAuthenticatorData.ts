import { createHash } from 'node:crypto';

/** Flag bits of authenticator data (WebAuthn L3 §6.1, "flags"). */
export const AuthenticatorFlag = {
  UP: 1 << 0, // user present
  UV: 1 << 2, // user verified
  BE: 1 << 3, // backup eligible
  BS: 1 << 4, // backup state
  AT: 1 << 6, // attested credential data included
  ED: 1 << 7, // extension data included
} as const;

export interface FlagBits {
  userPresent: boolean;
  userVerified: boolean;
  backupEligible: boolean;
  backupState: boolean;
  attestedCredentialData: boolean;
}

export function encodeFlags(bits: FlagBits): number {
  return (
    (bits.userPresent ? AuthenticatorFlag.UP : 0) |
    (bits.userVerified ? AuthenticatorFlag.UV : 0) |
    (bits.backupEligible ? AuthenticatorFlag.BE : 0) |
    (bits.backupState ? AuthenticatorFlag.BS : 0) |
    (bits.attestedCredentialData ? AuthenticatorFlag.AT : 0)
  );
}

export interface AttestedCredentialData {
  aaguid: Uint8Array;
  credentialId: Uint8Array;
  /** CBOR-encoded COSE_Key. */
  credentialPublicKey: Uint8Array;
}

export interface AuthenticatorDataInput {
  rpId: string;
  /** The raw flags byte, see `encodeFlags`. Written as given, even if it contradicts the rest. */
  flags: number;
  counter: number;
  attestedCredentialData?: AttestedCredentialData;
}

/**
 * Authenticator data layout, WebAuthn L3 §6.1:
 *   rpIdHash (32, SHA-256 of the RP ID) | flags (1) | signCount (4, big-endian)
 *   | attestedCredentialData (§6.5.1: aaguid (16) | credentialIdLength (2, big-endian)
 *     | credentialId | credentialPublicKey (COSE_Key))
 * The AAGUID is written as given (not checked for 16 bytes) so tests can send broken data.
 */
export function encodeAuthenticatorData(input: AuthenticatorDataInput): Uint8Array {
  const { rpId, flags, counter, attestedCredentialData } = input;
  if (!Number.isInteger(flags) || flags < 0 || flags > 0xff) {
    throw new RangeError(`flags must be one byte, got ${flags}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > 0xffff_ffff) {
    throw new RangeError(`counter must be an unsigned 32-bit integer, got ${counter}`);
  }
  const rpIdHash = createHash('sha256').update(rpId, 'utf8').digest();
  const header = Buffer.alloc(5);
  header.writeUInt8(flags, 0);
  header.writeUInt32BE(counter, 1);
  if (!attestedCredentialData) return new Uint8Array(Buffer.concat([rpIdHash, header]));

  const { aaguid, credentialId, credentialPublicKey } = attestedCredentialData;
  if (credentialId.length > 0xffff) {
    throw new RangeError(`credential id of ${credentialId.length} bytes does not fit a uint16`);
  }
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length, 0);
  return new Uint8Array(
    Buffer.concat([rpIdHash, header, aaguid, idLength, credentialId, credentialPublicKey]),
  );
}
