import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { encodeCosePublicKey, generateCredentialKeyPair } from '../../test/support/coseKey';
import { SOFT_AUTHENTICATOR_AAGUID } from '../../test/support/createSoftAuthenticator';
import {
  type AttestationFormat,
  encodeAttestationObject,
} from '../../test/support/encodeAttestationObject';
import { encodeAuthenticatorData, encodeFlags } from '../../test/support/encodeAuthenticatorData';

/**
 * The software authenticator's own encoders (test/support), minus its per-credential key
 * generation (~0.2 ms, most of its cost): credentials take keys from a small pool, each with a
 * fresh random credential ID. The server verifies these exactly like createCredential()'s output
 * (ES256; 'none', or 'packed' self attestation signed by the credential key), so building tens
 * of thousands before a timed run takes seconds, not minutes.
 */
export function createResponseBuilder({
  format,
  origin,
  rpId = 'localhost',
  keys = 16,
}: {
  format: AttestationFormat;
  origin: string;
  rpId?: string;
  keys?: number;
}) {
  const pool = Array.from({ length: keys }, () => {
    const pair = generateCredentialKeyPair(-7);
    return {
      ...pair,
      cose: encodeCosePublicKey(pair.publicKey, -7),
      spki: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'),
    };
  });
  const flags = encodeFlags({
    userPresent: true,
    userVerified: true,
    backupEligible: false,
    backupState: false,
    attestedCredentialData: true,
  });
  let next = 0;

  return function buildResponse(challenge: string): RegistrationResponseJSON {
    const key = pool[next++ % pool.length]!;
    const credentialId = randomBytes(32);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.create', challenge, origin, crossOrigin: false }),
    );
    const authData = encodeAuthenticatorData({
      rpId,
      flags,
      counter: 0,
      attestedCredentialData: {
        aaguid: SOFT_AUTHENTICATOR_AAGUID,
        credentialId,
        credentialPublicKey: key.cose,
      },
    });
    const attestationObject = encodeAttestationObject({
      format,
      authData,
      clientDataJSON,
      signingKey: key.privateKey,
      algorithm: -7,
    });
    const id = credentialId.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
        publicKeyAlgorithm: -7,
        publicKey: key.spki,
        authenticatorData: Buffer.from(authData).toString('base64url'),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  };
}
