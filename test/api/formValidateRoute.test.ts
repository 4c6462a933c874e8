import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const validate = (name: string) => `/api/forms/${name}/versions:validate`;
const upload = (name: string) => `/api/forms/${name}/versions`;

const contact = {
  schema: {
    type: 'object',
    properties: { note: { type: 'string', minLength: 3, maxLength: 20 } },
    required: ['note'],
  },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/note' }] },
  i18n: {
    en: { 'note.label': 'Note' },
    de: { 'note.label': 'Notiz', 'error.required': 'Pflicht' },
  },
};

async function tokenWith(permissions: string[]) {
  const reply = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'limited', permissions },
  });
  return reply.body.token as string;
}

async function versionCount(name: string) {
  const reply = await t.request('GET', `/api/forms/${name}/versions`);
  return reply.status === 404 ? 0 : (reply.body.items as Json[]).length;
}

// Each class of refusal the upload has: the body schema, the definition's rules, the size cap.
const invalidBodies: Array<[string, unknown]> = [
  ['an unknown top-level key (body schema)', { ...contact, extra: 1 }],
  ['no schema', { uischema: contact.uischema }],
  [
    'a schema that is not draft-07',
    { schema: { type: 'object', properties: { a: { type: 'strin' } } } },
  ],
  [
    'a remote $ref',
    { schema: { type: 'object', properties: { a: { $ref: 'https://x.test/s' } } } },
  ],
  [
    'a uischema scope that does not resolve',
    { ...contact, uischema: { type: 'Control', scope: '#/properties/nope' } },
  ],
  ['HTML in a label', { ...contact, i18n: { en: { 'note.label': '<b>Note</b>' } } }],
  [
    'a pattern the linear engine cannot run',
    { schema: { type: 'object', properties: { a: { type: 'string', pattern: '(a)\\1' } } } },
  ],
  [
    'a definition over the size cap',
    { schema: { type: 'object', description: 'x'.repeat(70 * 1024), properties: {} } },
  ],
];

describe('POST /api/forms/{formName}/versions:validate', () => {
  it('answers {ok: true} for a valid definition and stores nothing', async () => {
    const reply = await t.request('POST', validate('contact'), { body: contact });
    expect(reply).toMatchObject({ status: 200, body: { ok: true } });
    expectError(await t.request('GET', '/api/forms/contact'), 404, 'FORM_NOT_FOUND');
    // A built-in form keeps its single version too.
    await t.request('POST', validate('passkey-registration'), { body: contact });
    expect(await versionCount('passkey-registration')).toBe(1);
  });

  it.each(invalidBodies)(
    'refuses %s exactly as the upload does, storing nothing',
    async (_, body) => {
      const dry = await t.request('POST', validate('contact'), { body });
      const real = await t.request('POST', upload('contact'), { body });
      expect(dry.status).toBeGreaterThanOrEqual(400);
      expect(dry.status).toBeLessThan(500);
      // Same status, code, message and details.fields as the upload gives.
      expect({ status: dry.status, body: dry.body }).toEqual({
        status: real.status,
        body: real.body,
      });
      expect(await versionCount('contact')).toBe(0);
    },
  );

  it('is a literal colon, not a route parameter', async () => {
    expectError(
      await t.request('POST', '/api/forms/contact/versions:other', { body: contact }),
      404,
      'ROUTE_NOT_FOUND',
    );
    // The upload route itself is unchanged.
    expect((await t.request('POST', upload('contact'), { body: contact })).status).toBe(201);
    const docs = await t.request('GET', '/docs/json', { token: null });
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/forms/{formName}/versions:validate',
        '/api/forms/{formName}/versions:validateData',
      ]),
    );
  });

  it('needs Forms:create, like the upload', async () => {
    const reader = await tokenWith(['TNT#default#Forms:read']);
    expectError(
      await t.request('POST', validate('contact'), { body: contact, token: reader }),
      403,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('POST', validate('contact'), { body: contact, token: null }),
      401,
      'TOKEN_INVALID',
    );
    const creator = await tokenWith(['TNT#default#Forms:create']);
    expect(
      (await t.request('POST', validate('contact'), { body: contact, token: creator })).status,
    ).toBe(200);
  });
});

describe('POST /api/forms/{formName}/versions:validateData', () => {
  const check = (body: Json, token?: string) =>
    t.request('POST', '/api/forms/contact/versions:validateData', {
      body,
      ...(token ? { token } : {}),
    });

  it('gives the field errors a form step would, translated in the chosen locale', async () => {
    const empty = await check({ definition: contact, data: {}, locale: 'de' });
    expect(empty.body).toEqual({ locale: 'de', errors: [{ path: '/note', message: 'Pflicht' }] });
    const short = await check({ definition: contact, data: { note: 'ab' } });
    expect(short.body).toEqual({
      locale: 'en',
      errors: [{ path: '/note', message: 'This is too short.' }],
    });
    expect((await check({ definition: contact, data: { note: 'fine' } })).body.errors).toEqual([]);
    expect(await versionCount('contact')).toBe(0);
  });

  it('refuses a bad definition with the upload’s error and oversized data as a step does', async () => {
    const bad = { schema: { type: 'object', properties: { a: { type: 'strin' } } } };
    const dry = await check({ definition: bad, data: {} });
    const real = await t.request('POST', upload('contact'), { body: bad });
    expectError(dry, 400, 'FORM_INVALID');
    expect(dry.body).toEqual(real.body);
    let deep: unknown = 'x';
    for (let i = 0; i < 64; i += 1) deep = [deep];
    expectError(
      await check({ definition: contact, data: { note: deep } }),
      400,
      'FORM_DATA_TOO_DEEP',
    );
    const reader = await tokenWith(['TNT#default#Forms:read']);
    expectError(await check({ definition: contact, data: {} }, reader), 403, 'PERMISSION_DENIED');
  });
});
