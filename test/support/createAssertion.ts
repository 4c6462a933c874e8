import { createHash } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { toBase64url } from './base64url';
import { signWithCredentialKey } from './coseKey';
import { encodeAuthenticatorData, encodeFlags } from './encodeAuthenticatorData';
import type { GetAssertionOverrides, SoftCredential } from './softAuthenticatorTypes';

/** The authenticator's settings an assertion uses (see createSoftAuthenticator). */
export type AssertionSettings = {
  origin: string;
  userVerified: boolean;
  userPresent: boolean;
  backupEligible: boolean;
  backupState: boolean;
  attachment: 'platform' | 'cross-platform';
};

/**
 * The authenticator half (WebAuthn L3 §6.3.3 authenticatorGetAssertion) and the client half
 * (§5.1.4) of navigator.credentials.get(): picks a credential for the RP (one allowCredentials
 * names, or any when it names none: a discoverable one), counts its signature counter up, and
 * signs authenticatorData ‖ SHA-256(clientDataJSON) with its key (§6.3.3 step 11).
 */
export function createAssertion(
  credentials: SoftCredential[],
  settings: AssertionSettings,
  options: PublicKeyCredentialRequestOptionsJSON,
  overrides: GetAssertionOverrides = {},
): AuthenticationResponseJSON {
  const rpId = options.rpId ?? new URL(settings.origin).hostname;
  const credential = pickCredential(credentials, rpId, options, overrides.credentialId);
  credential.counter = overrides.counter ?? credential.counter + 1;

  const clientDataJSON = Buffer.from(
    JSON.stringify({
      type: overrides.type ?? 'webauthn.get',
      challenge: overrides.challenge ?? options.challenge,
      origin: overrides.origin ?? settings.origin,
      crossOrigin: overrides.crossOrigin ?? false,
    }),
    'utf8',
  );
  const authenticatorData = Buffer.concat([
    encodeAuthenticatorData({
      rpId: overrides.rpId ?? rpId,
      flags:
        overrides.flags ??
        encodeFlags({
          userPresent: overrides.userPresent ?? settings.userPresent,
          userVerified: overrides.userVerified ?? settings.userVerified,
          backupEligible: settings.backupEligible,
          backupState: settings.backupState,
          attestedCredentialData: false,
        }),
      counter: credential.counter,
    }),
    overrides.trailingBytes ?? new Uint8Array(),
  ]);
  const clientDataHash = createHash('sha256').update(clientDataJSON).digest();
  const signature = signWithCredentialKey(
    overrides.signingKey ?? credential.privateKey,
    Buffer.concat([authenticatorData, clientDataHash]),
    credential.algorithm,
  );
  const userHandle =
    overrides.userHandle === undefined ? credential.userHandle : overrides.userHandle;
  const id = overrides.responseId ?? credential.id;
  return {
    id,
    rawId: id,
    type: 'public-key',
    response: {
      clientDataJSON: toBase64url(clientDataJSON),
      authenticatorData: toBase64url(authenticatorData),
      signature: toBase64url(signature),
      ...(userHandle === null ? {} : { userHandle }),
    },
    clientExtensionResults: {},
    authenticatorAttachment: settings.attachment,
  };
}

/** §6.3.3 step 6: a credential for this RP, one of allowCredentials when it lists any. */
function pickCredential(
  credentials: SoftCredential[],
  rpId: string,
  options: PublicKeyCredentialRequestOptionsJSON,
  wanted?: string,
): SoftCredential {
  const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
  const found = credentials.find(
    (c) =>
      (wanted === undefined ? c.rpId === rpId : c.id === wanted) &&
      (wanted !== undefined || allowed.size === 0 || allowed.has(c.id)),
  );
  if (!found) throw new Error(`NotAllowedError: no credential for '${rpId}' the options allow`);
  return found;
}
