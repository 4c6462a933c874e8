import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { decodeCBOR, encodeCBOR } from '@levischuck/tiny-cbor';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import {
  type CoseAlgorithm,
  type CreateCredentialOverrides,
  createSoftAuthenticator,
  fromBase64url,
  SOFT_AUTHENTICATOR_AAGUID_STRING,
  type SoftAuthenticatorOptions,
  toBase64url,
} from './createSoftAuthenticator';
import { decodeAttestation, decodeClientData, decodeCoseKey } from './decodeRegistrationResponse';

const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:3000';

function registrationOptions(supportedAlgorithmIDs?: number[]) {
  return generateRegistrationOptions({
    rpName: 'Keyform',
    rpID: RP_ID,
    userName: 'alice@example.com',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    ...(supportedAlgorithmIDs ? { supportedAlgorithmIDs } : {}),
  });
}

async function register(
  authenticatorOptions: SoftAuthenticatorOptions = {},
  overrides: CreateCredentialOverrides = {},
) {
  const authenticator = createSoftAuthenticator(authenticatorOptions);
  const options = await registrationOptions();
  const response = authenticator.createCredential(options, overrides);
  return { authenticator, options, response };
}

function verify(
  response: RegistrationResponseJSON,
  options: PublicKeyCredentialCreationOptionsJSON,
  supportedAlgorithmIDs?: number[],
) {
  return verifyRegistrationResponse({
    response,
    expectedChallenge: options.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
    ...(supportedAlgorithmIDs ? { supportedAlgorithmIDs } : {}),
  });
}

describe('soft authenticator attestations verify with @simplewebauthn/server', () => {
  const cases: [SoftAuthenticatorOptions['format'], CoseAlgorithm][] = [
    ['none', -7],
    ['none', -257],
    ['packed', -7],
    ['packed', -257],
  ];

  it.each(cases)('fmt %s, alg %i', async (format, algorithm) => {
    const { authenticator, options, response } = await register({ format, algorithm });
    const result = await verify(response, options);

    expect(result.verified).toBe(true);
    const info = result.registrationInfo!;
    const [stored] = authenticator.credentials;
    expect(authenticator.credentials).toHaveLength(1);
    expect(info.fmt).toBe(format);
    expect(info.credential.id).toBe(response.id);
    expect(info.credential.id).toBe(stored!.id);
    expect(toBase64url(info.credential.publicKey)).toBe(toBase64url(stored!.cosePublicKey));
    expect(info.credential.counter).toBe(0);
    expect(info.aaguid).toBe(SOFT_AUTHENTICATOR_AAGUID_STRING);
    expect(info.userVerified).toBe(true);
    expect(info.credentialDeviceType).toBe('singleDevice');
    expect(info.rpID).toBe(RP_ID);
    expect(stored!.userHandle).toBe(options.user.id);
    expect(stored!.algorithm).toBe(algorithm);
    expect(response.response.publicKeyAlgorithm).toBe(algorithm);
    const spki = createPublicKey({
      key: Buffer.from(fromBase64url(response.response.publicKey!)),
      format: 'der',
      type: 'spki',
    });
    expect(spki.equals(stored!.publicKey)).toBe(true);
  });

  const curveCases: [SoftAuthenticatorOptions['format'], CoseAlgorithm][] = [
    ['none', -35],
    ['none', -36],
    ['none', -8],
    ['packed', -35],
    ['packed', -36],
    ['packed', -8],
  ];

  it.each(curveCases)('fmt %s, alg %i (P-384, P-521, Ed25519)', async (format, algorithm) => {
    const algorithms = [-7, -35, -36, -8, -257];
    const options = await registrationOptions(algorithms);
    const authenticator = createSoftAuthenticator({ format, algorithm });
    const response = authenticator.createCredential(options);
    const result = await verify(response, options, algorithms);
    expect(result.verified).toBe(true);
    expect(decodeCoseKey(decodeAttestation(response).cosePublicKey).get(3)).toBe(algorithm);
  });

  it('writes the COSE key it is given instead of the real one', async () => {
    const credentialPublicKey = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array([1])],
      [-3, new Uint8Array([2])],
    ]);
    const { response } = await register({}, { credentialPublicKey });
    expect(decodeCoseKey(decodeAttestation(response).cosePublicKey)).toEqual(credentialPublicKey);
  });

  it('encodes the COSE key as an integer-keyed map that tiny-cbor re-encodes byte for byte', async () => {
    for (const algorithm of [-7, -257] as const) {
      const { response } = await register({ algorithm });
      const { cosePublicKey } = decodeAttestation(response);
      // tiny-cbor is the server's decoder; parseAuthenticatorData re-encodes the key with it to
      // find where the key ends, so the re-encoding must reproduce our bytes exactly.
      const decoded = decodeCBOR(cosePublicKey);
      const coseKey = decodeCoseKey(cosePublicKey);
      expect([...coseKey.keys()]).toEqual(algorithm === -7 ? [1, 3, -1, -2, -3] : [1, 3, -1, -2]);
      expect(coseKey.get(3)).toBe(algorithm);
      expect(toBase64url(encodeCBOR(decoded))).toBe(toBase64url(cosePublicKey));
    }
  });

  it('reports backup flags, counter and AAGUID as configured', async () => {
    const aaguid = new Uint8Array(16).fill(0xab);
    const { options, response } = await register(
      { backupEligible: true, backupState: true },
      { counter: 7, aaguid },
    );
    const info = (await verify(response, options)).registrationInfo!;
    expect(info.credentialDeviceType).toBe('multiDevice');
    expect(info.credentialBackedUp).toBe(true);
    expect(info.credential.counter).toBe(7);
    expect(info.aaguid).toBe('abababab-abab-abab-abab-abababababab');
    // UP | UV | BE | BS | AT (WebAuthn L3 §6.1 flags)
    expect(decodeAttestation(response).flags).toBe(0x01 | 0x04 | 0x08 | 0x10 | 0x40);
  });

  it('refuses to create a credential the RP excluded, like a real authenticator', async () => {
    const authenticator = createSoftAuthenticator();
    const first = authenticator.createCredential(await registrationOptions());
    const options = await generateRegistrationOptions({
      rpName: 'Keyform',
      rpID: RP_ID,
      userName: 'alice@example.com',
      excludeCredentials: [{ id: first.id }],
    });
    expect(() => authenticator.createCredential(options)).toThrow(/InvalidStateError/);
  });

  it('refuses an algorithm the RP did not offer unless overridden', async () => {
    const authenticator = createSoftAuthenticator({ algorithm: -257 });
    const options = await registrationOptions([-7]);
    expect(() => authenticator.createCredential(options)).toThrow(/NotSupportedError/);
    expect(authenticator.createCredential(options, { algorithm: -257 }).response).toMatchObject({
      publicKeyAlgorithm: -257,
    });
  });
});

describe('overrides that @simplewebauthn/server rejects', () => {
  const rejected: [string, SoftAuthenticatorOptions, CreateCredentialOverrides, RegExp][] = [
    ['another challenge', {}, { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }, /challenge/],
    ['another origin', {}, { origin: 'https://evil.example' }, /origin/],
    ['clientData type webauthn.get', {}, { type: 'webauthn.get' }, /type/],
    ['another RP ID hash', {}, { rpId: 'evil.example' }, /RP ID/],
    ['UV missing', {}, { userVerified: false }, /User verification was required/],
    ['UP missing', {}, { userPresent: false }, /User presence was required/],
    ['raw flags without UV', {}, { flags: 0x41 }, /User verification was required/],
    ['fido-u2f label on a none statement', {}, { fmt: 'fido-u2f' }, /\(FIDOU2F\)/],
    [
      'none label on a packed statement',
      { format: 'packed' },
      { fmt: 'none' },
      /None attestation had unexpected/,
    ],
  ];

  it.each(rejected)('%s', async (_name, authenticatorOptions, overrides, message) => {
    const { options, response } = await register(authenticatorOptions, overrides);
    await expect(verify(response, options)).rejects.toThrow(message);
  });

  it.each([-7, -257] as const)('forged packed signature (alg %i)', async (algorithm) => {
    const { options, response } = await register(
      { format: 'packed', algorithm },
      { forgeSignature: true },
    );
    expect(await verify(response, options)).toEqual({ verified: false });
  });

  it('algorithm not in supportedAlgorithmIDs', async () => {
    const authenticator = createSoftAuthenticator();
    const options = await registrationOptions([-7]);
    const response = authenticator.createCredential(options, { algorithm: -257 });
    await expect(verify(response, options, [-7])).rejects.toThrow(/Unexpected public key alg/);
  });

  it('forgeSignature on a none attestation is a test bug', async () => {
    await expect(register({}, { forgeSignature: true })).rejects.toThrow(/packed/);
  });
});

describe('overrides the Keyform server must reject itself', () => {
  it('crossOrigin: true lands in clientDataJSON', async () => {
    const { response } = await register({}, { crossOrigin: true });
    expect(decodeClientData(response)).toMatchObject({ crossOrigin: true, origin: ORIGIN });
  });

  it('trailingBytes follow a complete attestation object', async () => {
    const trailing = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
    const { response } = await register({}, { trailingBytes: trailing });
    const decoded = decodeAttestation(response);
    expect(decoded.fmt).toBe('none');
    expect(toBase64url(decoded.trailingBytes)).toBe(toBase64url(trailing));
    // A strict whole-buffer decode notices the extra bytes; SimpleWebAuthn's decodeFirst does not.
    expect(() => decodeCBOR(fromBase64url(response.response.attestationObject))).toThrow();
  });

  it('credentialId writes an oversized id into authenticator data', async () => {
    const credentialId = new Uint8Array(1100).fill(7);
    const { authenticator, response } = await register({}, { credentialId });
    expect(decodeAttestation(response).credentialId).toHaveLength(1100);
    expect(fromBase64url(response.id)).toHaveLength(1100);
    expect(authenticator.credentials[0]!.rawId).toHaveLength(1100);
  });

  it('responseId makes the JSON id differ from the authenticator data id', async () => {
    const { authenticator, response } = await register({}, { responseId: 'b3RoZXItaWQ' });
    expect(response.id).toBe('b3RoZXItaWQ');
    expect(response.rawId).toBe('b3RoZXItaWQ');
    const { credentialId } = decodeAttestation(response);
    expect(toBase64url(credentialId)).toBe(authenticator.credentials[0]!.id);
    expect(toBase64url(credentialId)).not.toBe(response.id);
  });

  it('default clientDataJSON is what a browser sends', async () => {
    const { options, response } = await register();
    expect(decodeClientData(response)).toEqual({
      type: 'webauthn.create',
      challenge: options.challenge,
      origin: ORIGIN,
      crossOrigin: false,
    });
    expect(response.response.transports).toEqual(['internal']);
    expect(response.authenticatorAttachment).toBe('platform');
  });
});

describe('soft authenticator, assertions (navigator.credentials.get)', () => {
  async function registered(algorithm: CoseAlgorithm) {
    const authenticator = createSoftAuthenticator({ algorithm });
    const options = await registrationOptions();
    const verified = await verifyRegistrationResponse({
      response: authenticator.createCredential(options),
      expectedChallenge: options.challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
    });
    if (!verified.verified) throw new Error('registration did not verify');
    return {
      authenticator,
      credential: verified.registrationInfo.credential,
      userId: options.user.id,
    };
  }
  const verify = (
    response: Parameters<typeof verifyAuthenticationResponse>[0]['response'],
    credential: Awaited<ReturnType<typeof registered>>['credential'],
    challenge: string,
    counter = 0,
  ) =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential: { ...credential, counter },
    });

  it.each([-7, -257] as const)(
    'signs assertions SimpleWebAuthn verifies (alg %i), counting up',
    async (alg) => {
      const { authenticator, credential, userId } = await registered(alg);
      const options = await generateAuthenticationOptions({ rpID: RP_ID });
      const first = authenticator.getAssertion(options);
      expect(first.id).toBe(credential.id);
      expect(first.response.userHandle).toBe(userId);
      const a = await verify(first, credential, options.challenge);
      expect(a).toMatchObject({
        verified: true,
        authenticationInfo: { newCounter: 1, userVerified: true },
      });
      const b = await verify(authenticator.getAssertion(options), credential, options.challenge, 1);
      expect(b.authenticationInfo.newCounter).toBe(2);
    },
  );

  it('applies overrides: another key fails, a chosen counter and flags are written', async () => {
    const { authenticator, credential } = await registered(-7);
    const options = await generateAuthenticationOptions({ rpID: RP_ID });
    const wrongKey = authenticator.getAssertion(options, {
      signingKey: generateOtherKey(),
    });
    expect((await verify(wrongKey, credential, options.challenge)).verified).toBe(false);
    const counted = authenticator.getAssertion(options, {
      counter: 41,
      userVerified: false,
      userHandle: null,
    });
    expect(counted.response.userHandle).toBeUndefined();
    const authData = fromBase64url(counted.response.authenticatorData);
    expect(Buffer.from(authData).readUInt32BE(33)).toBe(41);
    expect(authData[32]! & 0x04).toBe(0);
    const clientData = JSON.parse(
      Buffer.from(fromBase64url(counted.response.clientDataJSON)).toString('utf8'),
    );
    expect(clientData).toMatchObject({ type: 'webauthn.get', challenge: options.challenge });
  });

  it('answers only with a credential the options allow', async () => {
    const { authenticator } = await registered(-7);
    const options = await generateAuthenticationOptions({
      rpID: RP_ID,
      allowCredentials: [{ id: toBase64url(new Uint8Array(16)) }],
    });
    expect(() => authenticator.getAssertion(options)).toThrow(/NotAllowedError/);
  });
});

function generateOtherKey() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
