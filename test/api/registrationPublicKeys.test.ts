import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complete as completeBinding, identityWithLink, redeem } from '../binding/bindingTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import {
  type CoseAlgorithm,
  type CoseKeyEntries,
  createSoftAuthenticator,
} from '../support/createSoftAuthenticator';
import { openStartLink } from '../support/flowClient';
import { countRows } from '../support/registrationHelpers';
import {
  complete,
  expectError,
  putRelyingParty,
  readSession,
  snapshot,
  startSession,
} from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);
const jwkBytes = (value: string | undefined) => new Uint8Array(Buffer.from(value!, 'base64url'));
/** A modulus of `bits` bits: odd, top bit set, so only its size is wrong. */
const modulus = (bits: number) => {
  const n = bytes(Math.ceil(bits / 8), 0xff);
  n[0] = 0xff >> (n.length * 8 - bits);
  return n;
};
const e65537 = new Uint8Array([1, 0, 1]);

function realP256() {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
    format: 'jwk',
  });
  return { x: jwkBytes(jwk.x), y: jwkBytes(jwk.y) };
}

const ec2 = (x: Uint8Array, y: Uint8Array, { alg = -7, crv = 1, kty = 2 } = {}): CoseKeyEntries =>
  new Map<number, number | Uint8Array>([
    [1, kty],
    [3, alg],
    [-1, crv],
    [-2, x],
    [-3, y],
  ]);
const rsa = (n: Uint8Array, e: Uint8Array, alg = -257): CoseKeyEntries =>
  new Map<number, number | Uint8Array>([
    [1, 3],
    [3, alg],
    [-1, n],
    [-2, e],
  ]);

/** Each key is refused before anything is stored; the case name says what is wrong with it. */
const badKeys: Array<[string, () => CoseKeyEntries]> = [
  [
    'an EC point that is not on P-256',
    () => {
      const { x, y } = realP256();
      y[31]! ^= 1;
      return ec2(x, y);
    },
  ],
  ['1-byte coordinates', () => ec2(new Uint8Array([1]), new Uint8Array([2]))],
  ['31-byte coordinates', () => ec2(bytes(31, 1), bytes(31, 2))],
  [
    'an RSA key type with EC parameters',
    () => {
      const { x, y } = realP256();
      return ec2(x, y, { kty: 3, alg: -257 });
    },
  ],
  [
    'an RSA key type under an EC algorithm',
    () => {
      const { x, y } = realP256();
      return ec2(x, y, { kty: 3 });
    },
  ],
  [
    'an EC key that names P-384 under ES256',
    () => {
      const { x, y } = realP256();
      return ec2(x, y, { crv: 2 });
    },
  ],
  [
    'an EC key carrying its private scalar d',
    () => {
      const { x, y } = realP256();
      return ec2(x, y).set(-4, bytes(32, 9));
    },
  ],
  [
    'a compressed EC point (y is a boolean)',
    () => {
      const { x, y } = realP256();
      return ec2(x, y).set(-3, true);
    },
  ],
  ['an 8-bit RSA modulus', () => rsa(new Uint8Array([0xb5]), e65537)],
  ['a 512-bit RSA modulus with exponent 1', () => rsa(modulus(512), new Uint8Array([1]))],
  ['a 2048-bit RSA modulus with exponent 1', () => rsa(modulus(2048), new Uint8Array([1]))],
  ['a 2048-bit RSA modulus with an even exponent', () => rsa(modulus(2048), new Uint8Array([4]))],
  ['an even 2048-bit RSA modulus', () => rsa(modulus(2048).fill(0xfe, 255), e65537)],
  ['a 2048-bit RSA modulus with a 257-bit exponent', () => rsa(modulus(2048), modulus(257))],
  ['an RSA key with an integer modulus', () => rsa(modulus(2048), e65537).set(-1, 5)],
];

describe('complete: the credential public key must be valid for its algorithm', () => {
  it.each(badKeys)('refuses %s: 400 PUBLIC_KEY_INVALID, nothing stored', async (_, makeKey) => {
    const { sessionId, session } = await startSession(t);
    const before = snapshot(t);
    const clientResponse = createSoftAuthenticator().createCredential(session.clientRequest, {
      credentialPublicKey: makeKey(),
    });
    const reply = await complete(t, sessionId, clientResponse);
    expectError(reply, 400, 'PUBLIC_KEY_INVALID');
    expect(reply.body.error.details.fields[0].path).toBe(
      '/response/attestationObject/authData/credentialPublicKey',
    );
    expect(snapshot(t)).toEqual(before);
    // A refused key is a failed verification: counted, and the session takes a good response.
    expect(await readSession(t, sessionId)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      failureCode: 'PUBLIC_KEY_INVALID',
    });
    const good = createSoftAuthenticator().createCredential(session.clientRequest);
    expect((await complete(t, sessionId, good)).status).toBe(200);
  });

  it('refuses a 31-byte Ed25519 key under a policy that allows EdDSA', async () => {
    await putRelyingParty(t, { eddsa: { supportedAlgorithms: [-8] } });
    const { sessionId, session } = await startSession(t, { policy: 'eddsa' });
    const key: CoseKeyEntries = new Map<number, number | Uint8Array>([
      [1, 1],
      [3, -8],
      [-1, 6],
      [-2, bytes(31, 7)],
    ]);
    const clientResponse = createSoftAuthenticator({ algorithm: -8 }).createCredential(
      session.clientRequest,
      { credentialPublicKey: key },
    );
    expectError(await complete(t, sessionId, clientResponse), 400, 'PUBLIC_KEY_INVALID');
    expect(countRows(t, 'passkeys')).toBe(0);
  });

  it.each<[CoseAlgorithm, 'none' | 'packed']>([
    [-7, 'none'],
    [-7, 'packed'],
    [-257, 'none'],
    [-257, 'packed'],
    [-35, 'none'],
    [-36, 'none'],
    [-8, 'none'],
  ])('stores a valid key of algorithm %i (%s)', async (algorithm, format) => {
    await putRelyingParty(t, { all: { supportedAlgorithms: [-7, -35, -36, -8, -257] } });
    const { sessionId, session } = await startSession(t, { policy: 'all' });
    const clientResponse = createSoftAuthenticator({ algorithm, format }).createCredential(
      session.clientRequest,
    );
    const reply = await complete(t, sessionId, clientResponse);
    expect(reply.status).toBe(200);
    expect(reply.body.passkey.credentialId).toBe(clientResponse.id);
  });
});

describe('every path that stores a passkey refuses an invalid key', () => {
  const offCurve = () => badKeys[0]![1]();

  it('the Beyond Identity :complete', async () => {
    const { link } = await identityWithLink(t);
    const redeemed = await redeem(t, link);
    const authenticator = createSoftAuthenticator();
    const bad = authenticator.createCredential(redeemed.body.creation_options, {
      credentialPublicKey: offCurve(),
    });
    const token = redeemed.body.completion_token;
    const refused = await completeBinding(t, link, {
      completion_token: token,
      client_response: bad,
    });
    expectError(refused, 400, 'PUBLIC_KEY_INVALID');
    expect(countRows(t, 'passkeys')).toBe(0);
    const good = authenticator.createCredential(redeemed.body.creation_options);
    const done = await completeBinding(t, link, { completion_token: token, client_response: good });
    expect(done.status).toBe(200);
  });

  it('the end-user flow: the retry form, nothing stored', async () => {
    const flow = await openStartLink(t);
    await flow.post({ action: 'submit', data: { userName: 'ada', displayName: 'Ada' } });
    const browserResponse = createSoftAuthenticator().createCredential(
      flow.step.ceremony.creationOptions,
      { credentialPublicKey: offCurve() },
    );
    expect((await flow.post({ action: 'submit', browserResponse })).status).toBe(200);
    expect(flow.step.component).toBe('form');
    expect(flow.step.submitLabel).toBe('Try again');
    expect(countRows(t, 'passkeys')).toBe(0);
    expect(countRows(t, 'users')).toBe(0);
    const admin = await t.request(
      'GET',
      `/api/process-manager/processInstances/${flow.instanceId}`,
    );
    expect(JSON.stringify(admin.body)).toContain('PUBLIC_KEY_INVALID');
  });
});
