import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realm } from '../binding/bindingTestKit';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { openStartLink } from '../support/flowClient';
import { countRows, createTestUser, startUrl, store } from '../support/registrationHelpers';
import { expectError } from './apiTestKit';

const users = `${store}/users`;
let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** Everything a refused request could have written. */
const everything = () =>
  JSON.stringify([
    countRows(t, 'users'),
    countRows(t, 'registration_sessions'),
    t.storage.identity.read(),
    t.storage.processes.read(),
  ]);

const ill = {
  'a lone high surrogate': '\uD800',
  'a lone low surrogate': 'x\uDFFF',
  'a reversed pair': '\uDE00\uD83D',
  'a high surrogate inside text': 'Ada \uDBFF Lovelace',
};

type Probe = { method: 'POST' | 'PUT' | 'PATCH'; url: string; body: Json; path: string };
/** Every kind of identifier or text field an API client or an end user sends. */
const probes = (bad: string, userId: string): Record<string, Probe> => ({
  userKey: { method: 'POST', url: users, body: { userKey: bad }, path: '/userKey' },
  firstName: {
    method: 'POST',
    url: users,
    body: { userKey: 'ok-1', firstName: bad },
    path: '/firstName',
  },
  'an attribute value': {
    method: 'POST',
    url: users,
    body: { userKey: 'ok-2', attributes: { note: bad } },
    path: '/attributes/note',
  },
  'an attribute name': {
    method: 'POST',
    url: users,
    body: { userKey: 'ok-3', attributes: { [bad]: 'v' } },
    path: `/attributes/${bad}`,
  },
  'a patched last name': {
    method: 'PATCH',
    url: `${users}/${userId}`,
    body: { lastName: bad },
    path: '/lastName',
  },
  "a store's display name": {
    method: 'POST',
    url: '/api/identity-store/stores',
    body: { name: 'second', displayName: bad },
    path: '/displayName',
  },
  "a relying party's name": {
    method: 'PUT',
    url: '/api/identity-store/passkeys/relyingParties/example.com',
    body: { name: bad },
    path: '/name',
  },
  "a process token's name": {
    method: 'POST',
    url: '/api/process-manager/processTokens',
    body: { name: bad, processDefnName: 'passkey-registration', type: 'UNLIMITED' },
    path: '/name',
  },
  "an API token's name": {
    method: 'POST',
    url: '/api/tenants/default/tokens',
    body: { name: bad, permissions: ['TNT#default#IdentityStore:*'] },
    path: '/name',
  },
  "a Beyond Identity identity's username": {
    method: 'POST',
    url: `${realm()}/identities`,
    body: { identity: { display_name: 'D', traits: { type: 'traits_v0', username: bad } } },
    path: '/identity/traits/username',
  },
  "a Beyond Identity identity's display name": {
    method: 'POST',
    url: `${realm()}/identities`,
    body: { identity: { display_name: bad, traits: { type: 'traits_v0', username: 'ok-4' } } },
    path: '/identity/display_name',
  },
  "a registration's userName": {
    method: 'POST',
    url: startUrl(userId),
    body: { userName: bad },
    path: '/userName',
  },
  "a registration's userDisplayName": {
    method: 'POST',
    url: startUrl(userId),
    body: { userDisplayName: bad },
    path: '/userDisplayName',
  },
});

describe('text that is not well-formed Unicode', () => {
  for (const [label, bad] of Object.entries(ill)) {
    it(`is refused with 400 INVALID_INPUT naming the field, nothing stored: ${label}`, async () => {
      const { id } = await createTestUser(t, 'existing');
      const before = everything();
      for (const [field, probe] of Object.entries(probes(bad, id))) {
        const reply = await t.request(probe.method, probe.url, { body: probe.body });
        expectError(reply, 400, 'INVALID_INPUT');
        expect(reply.body.error.details.fields, field).toEqual([
          { path: probe.path, message: expect.stringMatching(/not well-formed Unicode/) },
        ]);
      }
      expect(everything()).toBe(before);
    });
  }

  it('is refused in the form data an end user submits to a flow step', async () => {
    const flow = await openStartLink(t);
    const refused = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: 'Ada \uD800' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('INVALID_INPUT');
    expect(refused.body.error?.details).toEqual({
      fields: [{ path: '/data/displayName', message: expect.stringMatching(/lone surrogate/) }],
    });
    // The step is still current: the same answer, well-formed, goes through.
    const accepted = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: 'Ada Lovelace' },
    });
    expect(accepted.status).toBe(200);
    expect(flow.step.ceremony.creationOptions.user.displayName).toBe('Ada Lovelace');
  });

  it('accepts a well-formed surrogate pair and reads it back unchanged', async () => {
    const created = await t.request('POST', users, {
      body: { userKey: 'emoji-\uD83D\uDE00', firstName: '\uD83D\uDC69\u200D\uD83D\uDCBB' },
    });
    expect(created.status).toBe(201);
    const read = await t.request('GET', `${users}/${created.body.id}`);
    expect(read.body.userKey).toBe('emoji-😀');
    expect(read.body.firstName).toBe('👩‍💻');
  });
});

describe('text is NFC-normalised before it is stored or compared', () => {
  it('stores a decomposed user key composed, and the other spelling is the same key (409)', async () => {
    const decomposed = await t.request('POST', users, {
      body: { userKey: 'Rene\u0301', firstName: 'Rene\u0301', attributes: { note: 'e\u0301' } },
    });
    expect(decomposed.status).toBe(201);
    expect(decomposed.body.userKey).toBe('Ren\u00E9');
    expect(decomposed.body.firstName).toBe('Ren\u00E9');
    expect(decomposed.body.attributes).toEqual({ note: '\u00E9' });

    const composed = await t.request('POST', users, { body: { userKey: 'Ren\u00E9' } });
    expectError(composed, 409, 'USER_KEY_NOT_UNIQUE');
    expect(countRows(t, 'users')).toBe(1);
  });

  it('refuses two property names that are one name once normalised', async () => {
    const reply = await t.request('POST', users, {
      body: { userKey: 'twice', attributes: { 'e\u0301': '1', '\u00E9': '2' } },
    });
    expectError(reply, 400, 'INVALID_INPUT');
    expect(reply.body.error.details.fields[0].path).toMatch(/^\/attributes\//);
    expect(countRows(t, 'users')).toBe(0);
  });
});

describe('user names that differ only by case are one user name', () => {
  it('answers 409 USER_KEY_NOT_UNIQUE for "ada" after "Ada", and "Ada" reads back as typed', async () => {
    const ada = await t.request('POST', users, { body: { userKey: 'Ada' } });
    expect(ada.status).toBe(201);
    for (const other of ['ada', 'ADA', 'aDa']) {
      expectError(
        await t.request('POST', users, { body: { userKey: other } }),
        409,
        'USER_KEY_NOT_UNIQUE',
      );
    }
    expect((await t.request('GET', `${users}/${ada.body.id}`)).body.userKey).toBe('Ada');
    expect(countRows(t, 'users')).toBe(1);
  });

  it('folds beyond ASCII: Straße, STRASSE and strasse are one name; Σ, σ and ς too', async () => {
    expect((await t.request('POST', users, { body: { userKey: 'Straße' } })).status).toBe(201);
    expectError(
      await t.request('POST', users, { body: { userKey: 'STRASSE' } }),
      409,
      'USER_KEY_NOT_UNIQUE',
    );
    expect((await t.request('POST', users, { body: { userKey: 'ΟΔΥΣΣΕΥΣ' } })).status).toBe(201);
    expectError(
      await t.request('POST', users, { body: { userKey: 'οδυσσευς' } }),
      409,
      'USER_KEY_NOT_UNIQUE',
    );
  });

  it('refuses to rename another user to a case variant, but a user may change its own case', async () => {
    await createTestUser(t, 'Grace');
    const other = await createTestUser(t, 'hopper');
    const renamed = await t.request('PATCH', `${users}/${other.id}`, {
      body: { userKey: 'GRACE' },
    });
    expectError(renamed, 409, 'USER_KEY_NOT_UNIQUE');
    const recased = await t.request('PATCH', `${users}/${other.id}`, {
      body: { userKey: 'Hopper' },
    });
    expect(recased.status).toBe(200);
    expect(recased.body.userKey).toBe('Hopper');
  });

  it('holds for Beyond Identity usernames', async () => {
    const identities = `${realm()}/identities`;
    const identity = (username: string) => ({
      body: { identity: { display_name: 'J', traits: { type: 'traits_v0', username } } },
    });
    expect((await t.request('POST', identities, identity('Jane.Smith'))).status).toBe(200);
    expectError(
      await t.request('POST', identities, identity('jane.smith')),
      409,
      'USER_KEY_NOT_UNIQUE',
    );
  });

  it('holds in a journey: a user name taken in another case is refused on the form', async () => {
    await createTestUser(t, 'Ada');
    const flow = await openStartLink(t);
    const taken = await flow.post({
      action: 'submit',
      data: { userName: 'ADA', displayName: 'A' },
    });
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.body)).toContain('This user name is already taken.');
  });
});
