import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import { flowClient } from '../support/flowClient';
import { createTenant, expectError } from './apiTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const smallForm = {
  schema: { type: 'object', properties: { note: { type: 'string', maxLength: 20 } } },
  i18n: { en: { 'note.label': 'Note' } },
};

async function tokenWith(permissions: string[]) {
  const reply = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'limited', permissions },
  });
  return reply.body.token as string;
}

describe('forms API', () => {
  it('lists the built-in forms as version 1 and numbers uploads from 2', async () => {
    const list = await t.request('GET', '/api/forms');
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        { name: 'passkey-registration', latestVersion: 1 },
        { name: 'passkey-retry', latestVersion: 1 },
      ]),
    );
    const uploaded = await t.request('POST', '/api/forms/passkey-registration/versions', {
      body: smallForm,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'passkey-registration', version: 2 });
    expect(uploaded.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const v1 = await t.request('GET', '/api/forms/passkey-registration/versions/1');
    expect(v1.body.builtin).toBe(true);
    const v2 = await t.request('GET', '/api/forms/passkey-registration/versions/2');
    expect(v2.body.definition.schema).toEqual(smallForm.schema);
    expectError(
      await t.request('GET', '/api/forms/passkey-registration/versions/3'),
      404,
      'FORM_VERSION_NOT_FOUND',
    );
    expectError(await t.request('GET', '/api/forms/nope'), 404, 'FORM_NOT_FOUND');
  });

  it('refuses an invalid definition with field paths and stores nothing', async () => {
    const bad = await t.request('POST', '/api/forms/contact/versions', {
      body: { schema: { type: 'object', properties: { a: { type: 'strin' } } } },
    });
    expectError(bad, 400, 'FORM_INVALID');
    expect(bad.body.error.details.fields[0].path).toContain('/schema');
    expectError(
      await t.request('POST', '/api/forms/contact/versions', { body: { ...smallForm, extra: 1 } }),
      400,
      'INVALID_INPUT',
    );
    expectError(await t.request('GET', '/api/forms/contact'), 404, 'FORM_NOT_FOUND');
  });

  it('keeps a tenant’s forms invisible to another tenant', async () => {
    await t.request('POST', '/api/forms/contact/versions', { body: smallForm });
    await createTenant(t, 'acme');
    expectError(
      await t.request('GET', '/api/forms/contact', { headers: { 'x-tenant-id': 'acme' } }),
      404,
      'FORM_NOT_FOUND',
    );
  });

  it('needs Forms:create to upload', async () => {
    const reader = await tokenWith(['TNT#default#Forms:read']);
    expectError(
      await t.request('POST', '/api/forms/contact/versions', { body: smallForm, token: reader }),
      403,
      'PERMISSION_DENIED',
    );
    expect((await t.request('GET', '/api/forms', { token: reader })).status).toBe(200);
  });
});

describe('process definitions, tokens and instances', () => {
  it('refuses an invalid definition and one whose name differs from the path', async () => {
    const invalid = await t.request('POST', '/api/process-manager/processDefinitions/p/versions', {
      body: {
        definition: { name: 'p', start: 's', nodes: { s: { type: 'start', next: 'nowhere' } } },
      },
    });
    expectError(invalid, 400, 'PROCESS_DEFINITION_INVALID');
    expect(invalid.body.error.details.fields.length).toBeGreaterThan(0);
    const v1 = (
      await t.request(
        'GET',
        '/api/process-manager/processDefinitions/passkey-registration/versions/1',
      )
    ).body;
    const renamed = await t.request(
      'POST',
      '/api/process-manager/processDefinitions/other/versions',
      { body: { definition: v1.definition } },
    );
    expectError(renamed, 400, 'PROCESS_DEFINITION_INVALID');
  });

  it('stores a new version of the built-in process as version 2', async () => {
    const v1 = (
      await t.request(
        'GET',
        '/api/process-manager/processDefinitions/passkey-registration/versions/1',
      )
    ).body;
    const v2 = await t.request(
      'POST',
      '/api/process-manager/processDefinitions/passkey-registration/versions',
      { body: { definition: v1.definition } },
    );
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const versions = await t.request(
      'GET',
      '/api/process-manager/processDefinitions/passkey-registration/versions',
    );
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses a token for an unknown definition or version', async () => {
    const body = { name: 'x', processDefnName: 'nope', type: 'UNLIMITED' };
    expectError(
      await t.request('POST', '/api/process-manager/processTokens', { body }),
      404,
      'PROCESS_DEFINITION_NOT_FOUND',
    );
    const pinned = { ...body, processDefnName: 'passkey-registration', processDefnVersion: 9 };
    expectError(
      await t.request('POST', '/api/process-manager/processTokens', { body: pinned }),
      404,
      'PROCESS_DEFINITION_NOT_FOUND',
    );
  });

  it('starts a SINGLE_USE token once, and no token after it expires', async () => {
    const single = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: 'once',
        processDefnName: 'passkey-registration',
        type: 'SINGLE_USE',
        parameters: { rpId: 'localhost' },
      },
    });
    expect(single.body.startProcessAddress).toBe(`${testOrigin}/start/${single.body.id}`);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/flow/start/${single.body.id}` })).statusCode,
    ).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/flow/start/${single.body.id}` });
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'PROCESS_TOKEN_USED']);

    const expiring = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: 'soon',
        processDefnName: 'passkey-registration',
        type: 'UNLIMITED',
        expiresAt: new Date(t.clock.now + 60_000).toISOString(),
      },
    });
    t.clock.now += 61_000;
    const late = await t.app.inject({ method: 'POST', url: `/api/flow/start/${expiring.body.id}` });
    expect([late.statusCode, late.json().error.code]).toEqual([410, 'PROCESS_TOKEN_EXPIRED']);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/flow/start/pt_unknown' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([
      404,
      'PROCESS_TOKEN_NOT_FOUND',
    ]);
  });

  it('creates an instance for a server, whose single-use link becomes a cookie', async () => {
    const token = (await t.storage.records.processTokens.findByName({
      tenantId: 'default',
      name: 'demo',
    }))!;
    const created = await t.request(
      'POST',
      `/api/process-manager/processInstances/create?pt=${token.id}`,
    );
    expect(created.status).toBe(201);
    const url = new URL(created.body.redirectUrl);
    expect(url.origin).toBe(testOrigin);
    const entered = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(entered.statusCode).toBe(303);
    expect(entered.headers.location).toBe(`/flow/${created.body.processInstanceId}`);
    const cookie = entered.cookies.find((c) => c.name === 'kf_flow')!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: `/api/flow/${created.body.processInstanceId}`,
    });
    const reused = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect([reused.statusCode, reused.json().error.code]).toEqual([401, 'CAPABILITY_INVALID']);

    const flow = flowClient(t, created.body.processInstanceId, `kf_flow=${cookie.value}`, null);
    expect((await flow.refresh()).status).toBe(200);
    expect(flow.step.component).toBe('passkeyForm');
    const stored = JSON.stringify(
      t.storage.sqlite.prepare('select * from process_instances').all(),
    );
    expect(stored).not.toContain(cookie.value);
    expect(stored).not.toContain(url.searchParams.get('c'));
  });

  it('shows the admin view only within the tenant', async () => {
    const token = (await t.storage.records.processTokens.findByName({
      tenantId: 'default',
      name: 'demo',
    }))!;
    const created = await t.request(
      'POST',
      `/api/process-manager/processInstances/create?pt=${token.id}`,
    );
    const view = await t.request(
      'GET',
      `/api/process-manager/processInstances/${created.body.processInstanceId}`,
    );
    expect(view.body).toMatchObject({
      state: 'RUNNING',
      processDefnName: 'passkey-registration',
      processDefnVersion: 1,
      currentNode: 'regForm',
    });
    await createTenant(t, 'acme');
    const other = await t.request(
      'GET',
      `/api/process-manager/processInstances/${created.body.processInstanceId}`,
      { headers: { 'x-tenant-id': 'acme' } },
    );
    expectError(other, 404, 'INSTANCE_NOT_FOUND');
  });
});
