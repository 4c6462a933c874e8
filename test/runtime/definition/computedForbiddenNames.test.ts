// biome-ignore-all lint/suspicious/noTemplateCurlyInString: process definitions are full of ${...}
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/buildTestApp';
import { openStartLink } from '../../support/flowClient';

/**
 * A computed key is data: what an end user typed, or a token parameter. Whatever it names
 * (`constructor`, `__proto__`, `prototype`, an inherited member), it reads as a missing path,
 * never a 500, and never reaches the prototype chain.
 */
const hostileNames = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty'];
const picked = '_dataForms.reg.currentCapture.data[_dataForms.reg.currentCapture.data.displayName]';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const definition = {
    name: 'computed-keys',
    start: 'start',
    nodes: {
      start: { type: 'start', next: 'reg' },
      reg: {
        type: 'customDataForm',
        inputs: { formName: 'passkey-registration', formDataKey: 'reg' },
        next: 'decide',
      },
      decide: {
        type: 'simpleDecider',
        inputs: { deriveDecisionFrom: `\${${picked} == 'ada' || _parameters[_parameters.key]}` },
        next: [
          { when: `\${${picked}}`, to: 'picked' },
          { when: `\${_parameters[_parameters.key]}`, to: 'picked' },
          { to: 'end' },
        ],
      },
      picked: { type: 'end', inputs: { message: `picked \${${picked}}` } },
      end: { type: 'end', inputs: { message: `nothing: [\${${picked}}]` } },
    },
  };
  const uploaded = await t.request(
    'POST',
    '/api/process-manager/processDefinitions/computed-keys/versions',
    { body: { definition } },
  );
  expect(uploaded.status).toBe(201);
  for (const key of ['none', ...hostileNames]) {
    const token = await t.request('POST', '/api/process-manager/processTokens', {
      body: {
        name: `keys-${key}`,
        processDefnName: 'computed-keys',
        type: 'UNLIMITED',
        parameters: key === 'none' ? {} : { key, constructor: 'own' },
      },
    });
    expect(token.status).toBe(201);
  }
});
afterAll(async () => t.close());

describe('a computed key that names a forbidden or inherited member', () => {
  it('reads an ordinary key from the data (the control)', async () => {
    const flow = await openStartLink(t, { tokenName: 'keys-none' });
    const done = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: 'userName' },
    });
    expect(done.status).toBe(200);
    expect(flow.step).toMatchObject({
      component: 'end',
      outcome: 'success',
      message: 'picked ada',
    });
  });

  it.each(hostileNames)('reads as undefined when the end user types %s', async (name) => {
    const flow = await openStartLink(t, { tokenName: 'keys-none' });
    const done = await flow.post({
      action: 'submit',
      data: { userName: 'ada', displayName: name },
    });
    expect(done.status).toBe(200);
    expect(flow.step).toMatchObject({
      component: 'end',
      outcome: 'success',
      message: 'nothing: []',
    });
    expect(({} as Record<string, unknown>).ada).toBeUndefined();
  });

  it.each(hostileNames)('starts, with no 500, when a token parameter names %s', async (name) => {
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/flow/start/${await tokenId(name)}`,
    });
    expect(started.statusCode).toBe(201);
    expect(started.json().step.component).toBe('form');

    const flow = await openStartLink(t, { tokenName: `keys-${name}` });
    const done = await flow.post({ action: 'submit', data: { userName: 'ada', displayName: 'x' } });
    expect(done.status).toBe(200);
    // Undefined even for `constructor`, which these parameters hold as their own data.
    expect(flow.step).toMatchObject({ component: 'end', message: 'nothing: []' });
  });
});

async function tokenId(name: string) {
  const token = await t.storage.records.processTokens.findByName({
    tenantId: 'default',
    name: `keys-${name}`,
  });
  if (!token) throw new Error(`no token keys-${name}`);
  return token.id;
}
