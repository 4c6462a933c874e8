import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completePasskeyRegistration } from '../../identity/completePasskeyRegistration';
import type { IdentityDeps } from '../../identity/IdentityDeps';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { sessionUrl } from '../support/registrationHelpers';
import {
  complete,
  expectError,
  putRelyingParty,
  readSession,
  snapshot,
  startSession,
} from './apiTestKit';

/**
 * A claimed session (VERIFYING) goes back to PENDING whatever fails after
 * the claim, so the next complete or cancel is never SESSION_BUSY until the session expires.
 */

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const call = (deps: IdentityDeps, sessionId: string, response: unknown) =>
  completePasskeyRegistration(deps, {
    tenantId: 'default',
    storeName: 'default',
    sessionId,
    response,
  });

describe('a claim is released whatever fails after it', () => {
  it('clientDataJSON "bnVsbA" (null): 400 RESPONSE_MALFORMED, counted, then the valid response completes', async () => {
    const { sessionId, session } = await startSession(t);
    const before = snapshot(t);
    const valid = createSoftAuthenticator().createCredential(session.clientRequest);
    const reply = await complete(t, sessionId, {
      ...valid,
      response: { ...valid.response, clientDataJSON: 'bnVsbA' },
    });
    expectError(reply, 400, 'RESPONSE_MALFORMED');
    expect(reply.body.error.details.fields).toEqual([
      { path: '/response/clientDataJSON', message: 'is not a JSON object' },
    ]);
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, sessionId)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      failureCode: 'RESPONSE_MALFORMED',
    });
    expect((await complete(t, sessionId, valid)).status).toBe(200);
  });

  it('cancel still works after a refused response', async () => {
    const { sessionId, session } = await startSession(t);
    const valid = createSoftAuthenticator().createCredential(session.clientRequest);
    const broken = { ...valid, response: { ...valid.response, clientDataJSON: 'bnVsbA' } };
    expectError(await complete(t, sessionId, broken), 400, 'RESPONSE_MALFORMED');
    const cancelled = await t.request('POST', `${sessionUrl(sessionId)}/cancel`, { body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
  });

  it('a policy removed after the start: 404, not counted, and the session works once it is back', async () => {
    await putRelyingParty(t, { brief: {} });
    const { sessionId, session } = await startSession(t, { policy: 'brief' });
    const valid = createSoftAuthenticator().createCredential(session.clientRequest);
    await putRelyingParty(t, {});
    expectError(await complete(t, sessionId, valid), 404, 'POLICY_NOT_FOUND');
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    await putRelyingParty(t, { brief: {} });
    expect((await complete(t, sessionId, valid)).status).toBe(200);
  });

  it('an error thrown while a refusal is recorded: the session is handed back, not left busy', async () => {
    const { sessionId, session } = await startSession(t);
    const valid = createSoftAuthenticator().createCredential(session.clientRequest);
    const failing: IdentityDeps = {
      ...t.app.deps,
      records: {
        ...t.app.deps.records,
        sessions: {
          ...t.app.deps.records.sessions,
          release: async () => {
            throw new TypeError('injected: recording the refusal failed');
          },
        },
      },
    };
    await expect(call(failing, sessionId, { ...valid, type: 'other' })).rejects.toThrow('injected');
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await complete(t, sessionId, valid)).status).toBe(200);
  });

  it('an error that is not a storage error, thrown while storing: handed back too', async () => {
    const { sessionId, session } = await startSession(t);
    const before = snapshot(t);
    const valid = createSoftAuthenticator().createCredential(session.clientRequest);
    const failing: IdentityDeps = {
      ...t.app.deps,
      records: {
        ...t.app.deps.records,
        transaction: async () => {
          throw new RangeError('injected: a bug in the store step');
        },
      },
    };
    await expect(call(failing, sessionId, valid)).rejects.toThrow('injected');
    expect(snapshot(t)).toEqual(before);
    expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect((await complete(t, sessionId, valid)).status).toBe(200);
  });
});
