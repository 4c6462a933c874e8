import type { KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { CoseAlgorithm, CoseKeyEntries } from './coseKey';
import type { AttestationFormat } from './encodeAttestationObject';

export interface SoftAuthenticatorOptions {
  origin?: string;
  format?: AttestationFormat;
  algorithm?: CoseAlgorithm;
  aaguid?: Uint8Array;
  userVerified?: boolean;
  userPresent?: boolean;
  backupEligible?: boolean;
  backupState?: boolean;
  transports?: AuthenticatorTransportFuture[];
  attachment?: 'platform' | 'cross-platform';
}

/** Each override breaks (or changes) exactly one thing in one `createCredential` call. */
export interface CreateCredentialOverrides {
  /** Challenge written into clientDataJSON instead of `options.challenge`. */
  challenge?: string;
  origin?: string;
  /** clientDataJSON `type`, e.g. 'webauthn.get'. */
  type?: string;
  crossOrigin?: boolean;
  /** RP ID hashed into authenticator data instead of `options.rp.id`. */
  rpId?: string;
  /** Raw flags byte; wins over `userPresent`/`userVerified` and the backup flags. */
  flags?: number;
  userPresent?: boolean;
  userVerified?: boolean;
  /** Key algorithm, used even when `options.pubKeyCredParams` does not list it. */
  algorithm?: CoseAlgorithm;
  format?: AttestationFormat;
  /** Raw credential id written into authenticator data (and, unless `responseId`, the JSON). */
  credentialId?: Uint8Array;
  /** base64url `id`/`rawId` for the JSON, differing from the id in authenticator data. */
  responseId?: string;
  /** Packed only: sign the attestation with a fresh key instead of the credential key. */
  forgeSignature?: boolean;
  /** Bytes appended after the CBOR attestation object. */
  trailingBytes?: Uint8Array;
  /** `fmt` label in the attestation object; the statement stays the one `format` produced. */
  fmt?: string;
  aaguid?: Uint8Array;
  counter?: number;
  /**
   * COSE_Key entries written as the credential public key instead of the real key's, e.g. a
   * point off its curve or a short RSA modulus. With 'packed', the statement is still signed
   * by the real key, so only 'none' makes a response that is valid but for this key.
   */
  credentialPublicKey?: CoseKeyEntries;
}

/** Each override breaks (or changes) exactly one thing in one `getAssertion` call. */
export interface GetAssertionOverrides {
  /** base64url id of the credential to use; default: the first one the options allow. */
  credentialId?: string;
  /** base64url `id`/`rawId` written into the JSON instead of the credential's. */
  responseId?: string;
  challenge?: string;
  origin?: string;
  /** clientDataJSON `type`, e.g. 'webauthn.create'. */
  type?: string;
  crossOrigin?: boolean;
  /** RP ID hashed into authenticator data instead of `options.rpId`. */
  rpId?: string;
  /** Raw flags byte; wins over `userPresent`/`userVerified` and the backup flags. */
  flags?: number;
  userPresent?: boolean;
  userVerified?: boolean;
  /** Signature counter to send; the credential's counter continues from it. */
  counter?: number;
  /** base64url user handle to return instead of the credential's; null returns none. */
  userHandle?: string | null;
  /** Sign with this key instead of the credential's (a wrong-key assertion). */
  signingKey?: KeyObject;
  /** Bytes appended to the authenticator data (and signed with it). */
  trailingBytes?: Uint8Array;
}

/** What the authenticator remembers about a credential it created. */
export interface SoftCredential {
  /** base64url of the credential id in authenticator data. */
  id: string;
  rawId: Uint8Array;
  rpId: string;
  /** `options.user.id` as received (base64url). */
  userHandle: string;
  algorithm: CoseAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** CBOR COSE_Key bytes, as SimpleWebAuthn returns in `registrationInfo.credential.publicKey`. */
  cosePublicKey: Uint8Array;
  counter: number;
}

export interface SoftAuthenticator {
  readonly origin: string;
  readonly credentials: readonly SoftCredential[];
  createCredential(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides?: CreateCredentialOverrides,
  ): RegistrationResponseJSON;
  /**
   * navigator.credentials.get(): a real assertion over one of its credentials for the options'
   * RP, signed with that credential's key, its signature counter one higher each time.
   */
  getAssertion(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides?: GetAssertionOverrides,
  ): AuthenticationResponseJSON;
}
