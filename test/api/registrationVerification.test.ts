import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import {
  type CreateCredentialOverrides,
  createSoftAuthenticator,
  fromBase64url,
  SOFT_AUTHENTICATOR_AAGUID_STRING,
  type SoftAuthenticatorOptions,
} from '../support/createSoftAuthenticator';
import { startUrl, store } from '../support/registrationHelpers';
import {
  complete,
  createTenant,
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

/**
 * Complete a fresh session with one broken response and check the whole refusal: status,
 * code, no new rows, and the session still PENDING with the failure counted.
 */
async function expectRefused(
  { status, code }: { status: number; code: string },
  overrides: CreateCredentialOverrides,
  { policy, authenticator }: { policy?: string; authenticator?: SoftAuthenticatorOptions } = {},
) {
  const { sessionId, session } = await startSession(t, { policy });
  const before = snapshot(t);
  const clientResponse = createSoftAuthenticator(authenticator).createCredential(
    session.clientRequest,
    overrides,
  );
  const reply = await complete(t, sessionId, clientResponse);
  expectError(reply, status, code);
  expect(snapshot(t)).toEqual(before);
  const view = await readSession(t, sessionId);
  expect(view).toMatchObject({ status: 'PENDING', attempts: 1, failureCode: code });
  return view;
}

async function expectAccepted(policy: string, authenticator: SoftAuthenticatorOptions = {}) {
  const { sessionId, session } = await startSession(t, { policy });
  const clientResponse = createSoftAuthenticator(authenticator).createCredential(
    session.clientRequest,
  );
  const reply = await complete(t, sessionId, clientResponse);
  expect(reply.status).toBe(200);
  expect(reply.body.passkey.credentialId).toBe(clientResponse.id);
}

describe('complete: clientDataJSON rules', () => {
  it('rejects a challenge the session did not issue', async () => {
    await expectRefused(
      { status: 400, code: 'CHALLENGE_MISMATCH' },
      { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' },
    );
  });

  it('rejects an origin that is not one of the RP origins', async () => {
    await expectRefused(
      { status: 400, code: 'ORIGIN_NOT_ALLOWED' },
      { origin: 'http://localhost:3001' },
    );
  });

  it('rejects clientData type webauthn.get', async () => {
    await expectRefused(
      { status: 400, code: 'CLIENT_DATA_TYPE_MISMATCH' },
      { type: 'webauthn.get' },
    );
  });

  it('rejects crossOrigin: true by default and accepts it where the policy allows it', async () => {
    await putRelyingParty(t, { framed: { allowCrossOrigin: true } });
    await expectRefused({ status: 400, code: 'CROSS_ORIGIN_NOT_ALLOWED' }, { crossOrigin: true });

    const { sessionId, session } = await startSession(t, { policy: 'framed' });
    const clientResponse = createSoftAuthenticator().createCredential(session.clientRequest, {
      crossOrigin: true,
    });
    expect((await complete(t, sessionId, clientResponse)).status).toBe(200);
  });
});

describe('complete: authenticator data rules', () => {
  it('rejects authenticator data hashed for another RP ID', async () => {
    await expectRefused({ status: 400, code: 'RP_ID_MISMATCH' }, { rpId: 'example.com' });
  });

  it('rejects a response without the user-present flag', async () => {
    await expectRefused({ status: 400, code: 'USER_PRESENCE_REQUIRED' }, { userPresent: false });
  });

  it('requires user verification under the default policy, not under "preferred"', async () => {
    await expectRefused(
      { status: 400, code: 'USER_VERIFICATION_REQUIRED' },
      { userVerified: false },
    );
    await putRelyingParty(t, { relaxed: { userVerification: 'preferred' } });
    await expectAccepted('relaxed', { userVerified: false });
  });

  it('rejects a key algorithm outside the policy', async () => {
    await putRelyingParty(t, { es256: { supportedAlgorithms: [-7] } });
    await expectRefused(
      { status: 400, code: 'ALGORITHM_NOT_ALLOWED' },
      { algorithm: -257 },
      { policy: 'es256' },
    );
  });

  it('only accepts AAGUIDs the policy lists, compared case-insensitively', async () => {
    await putRelyingParty(t, {
      other: { allowedAaguids: ['00000000-0000-0000-0000-000000000001'] },
      ours: { allowedAaguids: [SOFT_AUTHENTICATOR_AAGUID_STRING.toUpperCase()] },
    });
    await expectRefused({ status: 400, code: 'AAGUID_NOT_ALLOWED' }, {}, { policy: 'other' });
    await expectAccepted('ours');
  });
});

describe('complete: attestation rules', () => {
  it('rejects a forged packed signature', async () => {
    await expectRefused(
      { status: 400, code: 'ATTESTATION_INVALID' },
      { forgeSignature: true },
      { authenticator: { format: 'packed' } },
    );
  });

  it('rejects a format the policy does not allow', async () => {
    await putRelyingParty(t, { noneOnly: { allowedAttestationFormats: ['none'] } });
    await expectRefused(
      { status: 400, code: 'ATTESTATION_FORMAT_NOT_ALLOWED' },
      {},
      { policy: 'noneOnly', authenticator: { format: 'packed' } },
    );
  });

  it('rejects bytes after the attestation object', async () => {
    await expectRefused(
      { status: 400, code: 'RESPONSE_MALFORMED' },
      { trailingBytes: new Uint8Array([0, 1, 2]) },
    );
  });
});

describe('complete: credential id rules', () => {
  it('rejects a response id that differs from the credential id in authenticator data', async () => {
    await expectRefused(
      { status: 400, code: 'CREDENTIAL_ID_MISMATCH' },
      { responseId: 'c29tZS1vdGhlci1pZA' },
    );
  });

  it('rejects a credential id longer than 1023 bytes', async () => {
    await expectRefused(
      { status: 400, code: 'CREDENTIAL_ID_TOO_LONG' },
      { credentialId: new Uint8Array(1100).fill(7) },
    );
  });

  it('rejects non-base64url fields in the schema, without counting an attempt', async () => {
    const { sessionId, session } = await startSession(t);
    const before = snapshot(t);
    const good = createSoftAuthenticator().createCredential(session.clientRequest);
    const broken: Json[] = [
      { ...good, id: `${good.id}=` },
      { ...good, rawId: `${good.rawId}+/` },
      {
        ...good,
        response: { ...good.response, clientDataJSON: `${good.response.clientDataJSON}==` },
      },
      { ...good, response: { ...good.response, attestationObject: 'not base64url!' } },
    ];
    for (const clientResponse of broken) {
      const reply = await complete(t, sessionId, clientResponse);
      expectError(reply, 400, 'INVALID_INPUT');
      expect(reply.body.error.details.fields.length).toBeGreaterThan(0);
    }
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await complete(t, sessionId, good)).status).toBe(200);
  });

  it('refuses a credential already registered to another user, in this tenant or another', async () => {
    const first = await startSession(t);
    const original = createSoftAuthenticator().createCredential(first.session.clientRequest);
    expect((await complete(t, first.sessionId, original)).status).toBe(200);
    const credentialId = fromBase64url(original.id);

    const second = await startSession(t);
    const before = snapshot(t);
    const copy = createSoftAuthenticator().createCredential(second.session.clientRequest, {
      credentialId,
    });
    expectError(await complete(t, second.sessionId, copy), 409, 'CREDENTIAL_ALREADY_REGISTERED');
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, second.sessionId)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
    });

    // In another tenant, with createUser: the user must not be created either.
    await createTenant(t, 'beta');
    await putRelyingParty(t, {}, { tenant: 'beta' });
    const beta = { headers: { 'x-tenant-id': 'beta' } };
    const started = await t.request('POST', startUrl('ext-beta', { ext: true }), {
      body: { createUser: true, userName: 'bea' },
      ...beta,
    });
    expect(started.status).toBe(201);
    const elsewhere = createSoftAuthenticator().createCredential(started.body.clientRequest, {
      credentialId,
    });
    const reply = await complete(t, started.body.sessionId, elsewhere, { tenant: 'beta' });
    expectError(reply, 409, 'CREDENTIAL_ALREADY_REGISTERED');
    expect(snapshot(t)).toEqual(before);
    const view = await readSession(t, started.body.sessionId, { tenant: 'beta' });
    expect(view).toMatchObject({ status: 'PENDING', attempts: 1 });
    expectError(await t.request('GET', `${store}/users/ext-beta/ext`, beta), 404, 'USER_NOT_FOUND');
  });
});

describe("complete: the RP's own origins", () => {
  it("checks a tenant's session against that tenant's RP origins only", async () => {
    await createTenant(t, 'beta');
    await putRelyingParty(t, {}, { tenant: 'beta', origins: ['http://localhost:4000'] });
    const { sessionId, session } = await startSession(t, { tenant: 'beta' });
    const before = snapshot(t);

    const fromDefault = createSoftAuthenticator().createCredential(session.clientRequest);
    const refused = await complete(t, sessionId, fromDefault, { tenant: 'beta' });
    expectError(refused, 400, 'ORIGIN_NOT_ALLOWED');
    expect(snapshot(t)).toEqual(before);

    const fromBeta = createSoftAuthenticator({ origin: 'http://localhost:4000' }).createCredential(
      session.clientRequest,
    );
    expect((await complete(t, sessionId, fromBeta, { tenant: 'beta' })).status).toBe(200);
  });
});
