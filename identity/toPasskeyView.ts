import { cose, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import type { PasskeyRecord } from '../storage/PasskeyRecord';
import type { PasskeyProviders } from './aaguids/PasskeyProvider';
import { shippedPasskeyProviders } from './aaguids/shippedPasskeyProviders';

export type PasskeyView = ReturnType<typeof toPasskeyView>;

/**
 * What the server knows about a passkey, the one view of it (list, get, patch, the SDK's
 * getPasskeys). The public key is public (DESIGN §4): an integrator who verifies assertions
 * themselves needs it and its algorithm. The user handle and tenant stay inside. `providers`
 * is `deps.passkeyProviders`: the operator's list (KEYFORM_AAGUID_FILE), else the shipped one.
 */
export function toPasskeyView(
  passkey: PasskeyRecord,
  providers: PasskeyProviders = shippedPasskeyProviders(),
) {
  return {
    id: passkey.id,
    credentialId: passkey.credentialId,
    userId: passkey.userId,
    rpId: passkey.rpId,
    publicKey: passkey.publicKey,
    alg: coseAlgorithmOf(passkey),
    aaguid: passkey.aaguid,
    provider: providers.get(passkey.aaguid.toLowerCase()) ?? null,
    deviceType: passkey.deviceType,
    backedUp: passkey.backedUp,
    transports: passkey.transports,
    attestationFormat: passkey.attestationFormat,
    signCount: passkey.counter,
    lastUsedAt: passkey.lastUsedAt,
    possiblyCloned: passkey.possiblyCloned,
    nickname: passkey.nickname,
    createdAt: passkey.createdAt,
  };
}

/** COSE_Key label 3 (RFC 9052 §7.1). Registration refused keys without one, so it is there. */
function coseAlgorithmOf({ id, publicKey }: PasskeyRecord): number {
  const alg = decodeCredentialPublicKey(Buffer.from(publicKey, 'base64url')).get(cose.COSEKEYS.alg);
  if (typeof alg !== 'number') throw new Error(`stored public key of passkey '${id}' has no alg`);
  return alg;
}
