import { createPublicKey, type JsonWebKey, sign, verify } from 'node:crypto';
import { Decoder } from 'cbor-x';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import {
  type CoseAlgorithm,
  createSoftAuthenticator,
  type SoftCredential,
} from '../support/createSoftAuthenticator';
import { sessionUrl, startForNewUser, store } from '../support/registrationHelpers';
import { expectError } from './apiTestKit';

/** Google Password Manager in the shipped community list. */
const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const gpmBytes = new Uint8Array(Buffer.from(GPM.replaceAll('-', ''), 'hex'));

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** A fresh user with one passkey made by a soft authenticator; `aaguid` defaults to its own. */
async function registerPasskey(
  opts: { algorithm?: CoseAlgorithm; aaguid?: Uint8Array; tenant?: string } = {},
) {
  const { user, session } = await startForNewUser(t);
  const authenticator = createSoftAuthenticator({
    algorithm: opts.algorithm ?? -7,
    ...(opts.aaguid ? { aaguid: opts.aaguid } : {}),
  });
  const clientResponse = authenticator.createCredential(session.clientRequest);
  const completed = await t.request('POST', sessionUrl(session.sessionId), {
    body: { clientResponse },
  });
  if (completed.status !== 200)
    throw new Error(`not registered: ${JSON.stringify(completed.body)}`);
  const credential = authenticator.credentials[0] as SoftCredential;
  return { user, credential, passkeyId: completed.body.passkey.id as string };
}

const passkeysUrl = (userId: string) => `${store}/users/${userId}/passkeys`;
const passkeyUrl = (userId: string, passkeyId: string) => `${passkeysUrl(userId)}/${passkeyId}`;

/** The COSE key read back with an independent CBOR decoder, as a node KeyObject. */
function publicKeyOf(view: Json) {
  const entries = new Decoder({ mapsAsObjects: false, useRecords: false }).decode(
    Buffer.from(view.publicKey, 'base64url'),
  ) as Map<number, unknown>;
  const b64 = (label: number) =>
    Buffer.from(entries.get(label) as Uint8Array).toString('base64url');
  const jwk: JsonWebKey =
    entries.get(1) === 3
      ? { kty: 'RSA', n: b64(-1), e: b64(-2) }
      : { kty: 'EC', crv: 'P-256', x: b64(-2), y: b64(-3) };
  return { alg: entries.get(3), key: createPublicKey({ key: jwk, format: 'jwk' }) };
}

const storedNickname = (id: string) =>
  (t.storage.sqlite.prepare('select nickname from passkeys where id = ?').get(id) as Json).nickname;

describe('the passkey view', () => {
  it.each([
    [-7, 'ES256'],
    [-257, 'RS256'],
  ] as const)(
    'shows a public key (alg %i, %s) that verifies the authenticator’s signatures',
    async (algorithm, _name) => {
      const { user, credential, passkeyId } = await registerPasskey({ algorithm });
      const listed = await t.request('GET', passkeysUrl(user.id));
      expect(listed.status).toBe(200);
      expect(listed.body.items).toHaveLength(1);
      const view = listed.body.items[0];
      expect(view).toMatchObject({
        id: passkeyId,
        credentialId: credential.id,
        userId: user.id,
        rpId: 'localhost',
        alg: algorithm,
        signCount: 0,
        lastUsedAt: null,
        possiblyCloned: false,
        nickname: null,
        backedUp: false,
        deviceType: 'singleDevice',
        transports: ['internal'],
      });
      expect(view.publicKey).toBe(Buffer.from(credential.cosePublicKey).toString('base64url'));
      const { alg, key } = publicKeyOf(view);
      expect(alg).toBe(algorithm);
      const data = Buffer.from('an assertion the integrator checks itself');
      const signature = sign('sha256', data, credential.privateKey);
      expect(verify('sha256', data, key, signature)).toBe(true);
      expect(verify('sha256', Buffer.from('something else'), key, signature)).toBe(false);
    },
  );

  it('names the provider of a known AAGUID, with its icons, and null for an unknown one', async () => {
    const known = await registerPasskey({ aaguid: gpmBytes });
    const view = (await t.request('GET', passkeysUrl(known.user.id))).body.items[0];
    expect(view.aaguid).toBe(GPM);
    expect(view.provider.name).toBe('Google Password Manager');
    expect(view.provider.icon).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    expect(view.provider.iconDark).toMatch(/^data:image\/svg\+xml;base64,/);

    const unknown = await registerPasskey();
    const other = (await t.request('GET', passkeysUrl(unknown.user.id))).body.items[0];
    expect(other.aaguid).toBe('4b657966-6f72-6d2d-536f-667441757468');
    expect(other.provider).toBeNull();
  });

  it('gets one passkey as the list shows it', async () => {
    const { user, passkeyId } = await registerPasskey({ aaguid: gpmBytes });
    const one = await t.request('GET', passkeyUrl(user.id, passkeyId));
    expect(one.status).toBe(200);
    const listed = await t.request('GET', passkeysUrl(user.id));
    expect(one.body).toEqual(listed.body.items[0]);
    expect(Object.keys(one.body)).not.toContain('userHandle');
    expect(Object.keys(one.body)).not.toContain('tenantId');
  });

  it('answers 404 for another user’s passkey, an unknown one, and another tenant’s', async () => {
    const ada = await registerPasskey();
    const bob = await registerPasskey();
    expectError(
      await t.request('GET', passkeyUrl(bob.user.id, ada.passkeyId)),
      404,
      'PASSKEY_NOT_FOUND',
    );
    expectError(
      await t.request('GET', passkeyUrl(ada.user.id, 'no-such-passkey')),
      404,
      'PASSKEY_NOT_FOUND',
    );

    expect((await t.request('POST', '/api/tenants', { body: { id: 'acme' } })).status).toBe(201);
    const acme = { headers: { 'x-tenant-id': 'acme' } };
    // A new tenant comes with its own store 'default'.
    const acmeUser = await t.request('POST', `${store}/users`, { body: { userKey: 'x' }, ...acme });
    expect(acmeUser.status).toBe(201);
    // Acme's own user, default's passkey id: not there.
    expectError(
      await t.request('GET', passkeyUrl(acmeUser.body.id, ada.passkeyId), acme),
      404,
      'PASSKEY_NOT_FOUND',
    );
    expectError(
      await t.request('PATCH', passkeyUrl(acmeUser.body.id, ada.passkeyId), {
        body: { nickname: 'mine now' },
        ...acme,
      }),
      404,
      'PASSKEY_NOT_FOUND',
    );
    // Default's user and passkey, asked as acme: the user is not there either.
    expectError(
      await t.request('GET', passkeyUrl(ada.user.id, ada.passkeyId), acme),
      404,
      'USER_NOT_FOUND',
    );
    expect(storedNickname(ada.passkeyId)).toBeNull();
  });
});

describe('naming a passkey', () => {
  it('sets a trimmed, NFC nickname, shows it everywhere, and clears it with null', async () => {
    const { user, passkeyId } = await registerPasskey();
    const named = await t.request('PATCH', passkeyUrl(user.id, passkeyId), {
      body: { nickname: '  Cafe\u0301 laptop ' },
    });
    expect(named.status).toBe(200);
    expect(named.body.nickname).toBe('Caf\u00e9 laptop');
    expect(named.body.id).toBe(passkeyId);
    expect(named.body.alg).toBe(-7);
    expect(storedNickname(passkeyId)).toBe('Caf\u00e9 laptop');
    expect((await t.request('GET', passkeyUrl(user.id, passkeyId))).body).toEqual(named.body);
    expect((await t.request('GET', passkeysUrl(user.id))).body.items[0].nickname).toBe(
      'Caf\u00e9 laptop',
    );

    const longest = '\u{1F511}'.repeat(64); // 64 characters, 128 UTF-16 units
    const atLimit = await t.request('PATCH', passkeyUrl(user.id, passkeyId), {
      body: { nickname: longest },
    });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.nickname).toBe(longest);

    const cleared = await t.request('PATCH', passkeyUrl(user.id, passkeyId), {
      body: { nickname: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.nickname).toBeNull();
    expect(storedNickname(passkeyId)).toBeNull();
  });

  it.each([
    ['too long', { nickname: 'x'.repeat(65) }],
    ['far too long', { nickname: 'x'.repeat(300) }],
    ['empty', { nickname: '' }],
    ['only spaces', { nickname: '   ' }],
    ['a line break', { nickname: 'work\nlaptop' }],
    ['a number', { nickname: 42 }],
    ['an object', { nickname: { text: 'x' } }],
    ['missing', {}],
    ['an unknown field', { nickname: 'ok', colour: 'red' }],
    ['a lone surrogate', { nickname: 'key \uD800' }],
  ])('refuses a nickname that is %s, storing nothing', async (_label, body) => {
    const { user, passkeyId } = await registerPasskey();
    await t.request('PATCH', passkeyUrl(user.id, passkeyId), { body: { nickname: 'before' } });
    const refused = await t.request('PATCH', passkeyUrl(user.id, passkeyId), { body });
    expectError(refused, 400, 'INVALID_INPUT');
    expect(storedNickname(passkeyId)).toBe('before');
  });

  it('names only a passkey of that user', async () => {
    const ada = await registerPasskey();
    const bob = await registerPasskey();
    expectError(
      await t.request('PATCH', passkeyUrl(bob.user.id, ada.passkeyId), {
        body: { nickname: 'stolen' },
      }),
      404,
      'PASSKEY_NOT_FOUND',
    );
    expectError(
      await t.request('PATCH', passkeyUrl(ada.user.id, 'nope'), { body: { nickname: 'x' } }),
      404,
      'PASSKEY_NOT_FOUND',
    );
    expect(storedNickname(ada.passkeyId)).toBeNull();
  });
});

describe('passkey management permissions', () => {
  async function tokenWith(...actions: string[]) {
    const reply = await t.request('POST', '/api/tenants/default/tokens', {
      body: {
        name: actions.join('+'),
        permissions: actions.map((a) => `TNT#default#IdentityStore:${a}`),
      },
    });
    expect(reply.status).toBe(201);
    return reply.body.token as string;
  }

  it('reads with readUser and names with updatePasskey, each only with its own', async () => {
    const { user, passkeyId } = await registerPasskey();
    const reader = await tokenWith('readUser');
    const namer = await tokenWith('updatePasskey');
    const patch = { body: { nickname: 'phone' } };

    expect((await t.request('GET', passkeyUrl(user.id, passkeyId), { token: reader })).status).toBe(
      200,
    );
    expect((await t.request('GET', passkeysUrl(user.id), { token: reader })).status).toBe(200);
    expectError(
      await t.request('PATCH', passkeyUrl(user.id, passkeyId), { ...patch, token: reader }),
      403,
      'PERMISSION_DENIED',
    );
    expect(storedNickname(passkeyId)).toBeNull();

    expectError(
      await t.request('GET', passkeyUrl(user.id, passkeyId), { token: namer }),
      403,
      'PERMISSION_DENIED',
    );
    const named = await t.request('PATCH', passkeyUrl(user.id, passkeyId), {
      ...patch,
      token: namer,
    });
    expect(named.status).toBe(200);
    expect(storedNickname(passkeyId)).toBe('phone');

    expectError(
      await t.request('PATCH', passkeyUrl(user.id, passkeyId), { ...patch, token: null }),
      401,
      'TOKEN_INVALID',
    );
  });
});
