import { randomBytes } from 'node:crypto';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { toBase64url } from './base64url';
import { encodeCbor } from './cbor';
import { type CoseAlgorithm, encodeCosePublicKey, generateCredentialKeyPair } from './coseKey';
import { createAssertion } from './createAssertion';
import { encodeAttestationObject } from './encodeAttestationObject';
import { encodeAuthenticatorData, encodeFlags } from './encodeAuthenticatorData';
import type {
  CreateCredentialOverrides,
  SoftAuthenticator,
  SoftAuthenticatorOptions,
  SoftCredential,
} from './softAuthenticatorTypes';

export { fromBase64url, toBase64url } from './base64url';
export type { CoseAlgorithm, CoseKeyEntries } from './coseKey';
export type { AttestationFormat } from './encodeAttestationObject';
export type {
  CreateCredentialOverrides,
  GetAssertionOverrides,
  SoftAuthenticator,
  SoftAuthenticatorOptions,
  SoftCredential,
} from './softAuthenticatorTypes';

/** "Keyform-SoftAuth" in ASCII: non-zero, so tests can tell it from the all-zero AAGUID. */
export const SOFT_AUTHENTICATOR_AAGUID = new Uint8Array(Buffer.from('Keyform-SoftAuth', 'ascii'));
/** The same AAGUID in the UUID form SimpleWebAuthn reports (`registrationInfo.aaguid`). */
export const SOFT_AUTHENTICATOR_AAGUID_STRING = '4b657966-6f72-6d2d-536f-667441757468';

/**
 * A software authenticator plus the client (browser) half of navigator.credentials.create():
 * builds clientDataJSON, authenticator data and a 'none' or 'packed' self attestation that
 * @simplewebauthn/server verifies for real; and of navigator.credentials.get() (getAssertion):
 * assertions signed with the key of a credential it created.
 */
export function createSoftAuthenticator({
  origin = 'http://localhost:3000',
  format = 'none',
  algorithm = -7,
  aaguid = SOFT_AUTHENTICATOR_AAGUID,
  userVerified = true,
  userPresent = true,
  backupEligible = false,
  backupState = false,
  transports = ['internal'],
  attachment = 'platform',
}: SoftAuthenticatorOptions = {}): SoftAuthenticator {
  if (aaguid.length !== 16) throw new RangeError(`aaguid must be 16 bytes, got ${aaguid.length}`);
  const credentials: SoftCredential[] = [];

  function createCredential(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides: CreateCredentialOverrides = {},
  ): RegistrationResponseJSON {
    // WebAuthn L3 §5.1.3: without rp.id the RP ID is the origin's effective domain.
    const rpId = options.rp.id ?? new URL(origin).hostname;
    rejectExcludedCredential(options, rpId);
    const alg = overrides.algorithm ?? negotiateAlgorithm(options, algorithm);
    const keyPair = generateCredentialKeyPair(alg);
    const cosePublicKey = overrides.credentialPublicKey
      ? encodeCbor(overrides.credentialPublicKey)
      : encodeCosePublicKey(keyPair.publicKey, alg);
    const credentialId = overrides.credentialId ?? new Uint8Array(randomBytes(32));
    const counter = overrides.counter ?? 0;

    // §5.8.1.1: members in this order, as browsers serialize them.
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: overrides.type ?? 'webauthn.create',
        challenge: overrides.challenge ?? options.challenge,
        origin: overrides.origin ?? origin,
        crossOrigin: overrides.crossOrigin ?? false,
      }),
      'utf8',
    );
    const authData = encodeAuthenticatorData({
      rpId: overrides.rpId ?? rpId,
      flags:
        overrides.flags ??
        encodeFlags({
          userPresent: overrides.userPresent ?? userPresent,
          userVerified: overrides.userVerified ?? userVerified,
          backupEligible,
          backupState,
          attestedCredentialData: true,
        }),
      counter,
      attestedCredentialData: {
        aaguid: overrides.aaguid ?? aaguid,
        credentialId,
        credentialPublicKey: cosePublicKey,
      },
    });

    const attestationFormat = overrides.format ?? format;
    if (overrides.forgeSignature && attestationFormat !== 'packed') {
      throw new Error("forgeSignature needs format 'packed': 'none' has no signature to forge");
    }
    const attestationObject = Buffer.concat([
      encodeAttestationObject({
        format: attestationFormat,
        fmt: overrides.fmt,
        authData,
        clientDataJSON,
        // A forged statement is signed by a fresh key of the same type, not the credential key.
        signingKey: overrides.forgeSignature
          ? generateCredentialKeyPair(alg).privateKey
          : keyPair.privateKey,
        algorithm: alg,
      }),
      overrides.trailingBytes ?? new Uint8Array(),
    ]);

    credentials.push({
      id: toBase64url(credentialId),
      rawId: credentialId,
      rpId,
      userHandle: options.user.id,
      algorithm: alg,
      privateKey: keyPair.privateKey,
      publicKey: keyPair.publicKey,
      cosePublicKey,
      counter,
    });

    const id = overrides.responseId ?? toBase64url(credentialId);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: toBase64url(clientDataJSON),
        attestationObject: toBase64url(attestationObject),
        transports,
        // L3 §5.2.1.1 getPublicKeyAlgorithm() / getPublicKey() (SPKI DER) / getAuthenticatorData().
        publicKeyAlgorithm: alg,
        publicKey: toBase64url(keyPair.publicKey.export({ type: 'spki', format: 'der' })),
        authenticatorData: toBase64url(authData),
      },
      clientExtensionResults: {},
      authenticatorAttachment: attachment,
    };
  }

  /** Like a real authenticator (L3 §6.3.2 step 3): refuse if it already holds an excluded id. */
  function rejectExcludedCredential(options: PublicKeyCredentialCreationOptionsJSON, rpId: string) {
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (credentials.some((c) => c.rpId === rpId && excluded.has(c.id))) {
      throw new Error('InvalidStateError: authenticator already holds an excluded credential');
    }
  }

  const settings = { origin, userVerified, userPresent, backupEligible, backupState, attachment };
  return {
    origin,
    credentials,
    createCredential,
    getAssertion: (options, overrides) =>
      createAssertion(credentials, settings, options, overrides),
  };
}

/** §6.3.2 step 2: the authenticator must support one of the algorithms the RP offered. */
function negotiateAlgorithm(
  options: PublicKeyCredentialCreationOptionsJSON,
  algorithm: CoseAlgorithm,
): CoseAlgorithm {
  const offered = options.pubKeyCredParams.map((p) => p.alg);
  if (offered.length > 0 && !offered.includes(algorithm)) {
    throw new Error(`NotSupportedError: RP offered algorithms [${offered}], not ${algorithm}`);
  }
  return algorithm;
}
