import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { countRows, sessionUrl, startUrl } from '../support/registrationHelpers';
import {
  complete,
  createUserIn,
  expectError,
  readSession,
  snapshot,
  startSession,
} from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

/** A raw POST: the payload goes out byte for byte, with the content type given. */
async function post(url: string, payload: string, contentType = 'application/json') {
  const reply = await t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { authorization: `Bearer ${t.rootToken}`, 'content-type': contentType },
  });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as Json };
}

/** A pending session, a valid response for it, and the state nothing may change. */
async function pending() {
  const { sessionId, session } = await startSession(t);
  const clientResponse = createSoftAuthenticator().createCredential(session.clientRequest);
  const before = snapshot(t);
  const unchanged = async () => {
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    // The session is untouched: the valid response still completes it.
    expect((await complete(t, sessionId, clientResponse)).status).toBe(200);
  };
  return { url: sessionUrl(sessionId), clientResponse, unchanged };
}

describe('complete: body parsing', () => {
  it('rejects malformed JSON with 400 INVALID_BODY', async () => {
    const { url, unchanged } = await pending();
    expectError(await post(url, '{"clientResponse":'), 400, 'INVALID_BODY');
    await unchanged();
  });

  it('rejects a body over 64 KB with 413 BODY_TOO_LARGE', async () => {
    const { url, clientResponse, unchanged } = await pending();
    const padded = { ...clientResponse, clientExtensionResults: { pad: 'x'.repeat(65 * 1024) } };
    expectError(await post(url, JSON.stringify({ clientResponse: padded })), 413, 'BODY_TOO_LARGE');
    await unchanged();
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/xml']])(
    'rejects content type %s with 415',
    async (contentType) => {
      const { url, clientResponse, unchanged } = await pending();
      const reply = await post(url, JSON.stringify({ clientResponse }), contentType);
      expectError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
      await unchanged();
    },
  );
});

describe('complete: prototype pollution', () => {
  it.each([
    ['at the top', (r: string) => `{"__proto__":{"polluted":true},"clientResponse":${r}}`],
    [
      'in clientResponse',
      (r: string) => `{"clientResponse":${r.replace('{', '{"__proto__":{"polluted":true},')}}`,
    ],
    [
      'in clientExtensionResults',
      (r: string) =>
        `{"clientResponse":${r.replace('"clientExtensionResults":{}', '"clientExtensionResults":{"__proto__":{"polluted":true}}')}}`,
    ],
    [
      'as constructor.prototype',
      (r: string) => `{"constructor":{"prototype":{"polluted":true}},"clientResponse":${r}}`,
    ],
    [
      'as a nested constructor.prototype',
      (r: string) =>
        `{"clientResponse":${r.replace('"clientExtensionResults":{}', '"clientExtensionResults":{"constructor":{"prototype":{"polluted":true}}}')}}`,
    ],
  ])('rejects __proto__ / constructor.prototype %s', async (_, build) => {
    const { url, clientResponse, unchanged } = await pending();
    const payload = build(JSON.stringify(clientResponse));
    expect(payload).toMatch(/__proto__|constructor/);
    expectError(await post(url, payload), 400, 'INVALID_BODY');
    expect(({} as Json).polluted).toBeUndefined();
    await unchanged();
  });
});

describe('complete: strict schema, no coercion', () => {
  it.each([
    [
      'id as a number',
      (r: Json) => ({ clientResponse: { ...r, id: 12345 } }),
      '/clientResponse/id',
    ],
    [
      'transports as a string',
      (r: Json) => ({
        clientResponse: { ...r, response: { ...r.response, transports: 'internal' } },
      }),
      '/clientResponse/response/transports',
    ],
    ['clientResponse as an array', (r: Json) => ({ clientResponse: [r] }), '/clientResponse'],
    [
      'type as another literal',
      (r: Json) => ({ clientResponse: { ...r, type: 'password' } }),
      '/clientResponse/type',
    ],
    ['a missing clientResponse', () => ({}), '/'],
  ])('rejects %s with 400 INVALID_INPUT', async (_, build, path) => {
    const { url, clientResponse, unchanged } = await pending();
    const reply = await t.request('POST', url, { body: build(clientResponse) });
    expectError(reply, 400, 'INVALID_INPUT');
    expect(reply.body.error.details.fields.map((f: Json) => f.path)).toContain(path);
    await unchanged();
  });

  it('names an unknown field at the top and inside the response', async () => {
    const { url, clientResponse, unchanged } = await pending();
    const top = await t.request('POST', url, { body: { clientResponse, sneaky: 1 } });
    expectError(top, 400, 'INVALID_INPUT');
    expect(top.body.error.details.fields).toContainEqual({
      path: '/',
      message: "unknown property 'sneaky'",
    });

    const inner = await t.request('POST', url, {
      body: {
        clientResponse: { ...clientResponse, response: { ...clientResponse.response, extra: 'x' } },
      },
    });
    expectError(inner, 400, 'INVALID_INPUT');
    expect(inner.body.error.details.fields).toContainEqual({
      path: '/clientResponse/response',
      message: "unknown property 'extra'",
    });
    await unchanged();
  });
});

describe('start: strict schema', () => {
  it.each([
    ['createUser as "true"', { createUser: 'true' }, true],
    ['createUser as 1', { createUser: 1 }, true],
    ['userName as a number', { userName: 42 }, false],
    ['an unknown field', { userName: 'ada', role: 'admin' }, false],
    ['an array body', [{ userName: 'ada' }], false],
  ])('rejects %s with 400 INVALID_INPUT and writes nothing', async (_, body, ext) => {
    const user = await createUserIn(t);
    const before = { ...snapshot(t), sessions: countRows(t, 'registration_sessions') };
    const url = ext ? startUrl('ext-new', { ext: true }) : startUrl(user.id);
    expectError(await t.request('POST', url, { body }), 400, 'INVALID_INPUT');
    expect({ ...snapshot(t), sessions: countRows(t, 'registration_sessions') }).toEqual(before);
  });

  it('rejects __proto__ in a start body', async () => {
    const before = countRows(t, 'registration_sessions');
    const reply = await post(
      startUrl('ext-new', { ext: true }),
      '{"createUser":true,"__proto__":{"x":1}}',
    );
    expectError(reply, 400, 'INVALID_BODY');
    expect(countRows(t, 'registration_sessions')).toBe(before);
  });
});
