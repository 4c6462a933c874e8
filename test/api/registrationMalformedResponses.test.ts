import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completePasskeyRegistration } from '../../identity/completePasskeyRegistration';
import { IdentityError, registrationFailureCodes } from '../../identity/IdentityError';
import { complete as completeBinding, identityWithLink, redeem } from '../binding/bindingTestKit';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';
import { openStartLink } from '../support/flowClient';
import {
  applyMutation,
  type Mutation,
  registrationResponseMutations,
} from '../support/mutateRegistrationResponse';
import { complete, readSession, startSession } from './apiTestKit';

/**
 * Valid responses from the software authenticator, each with one field
 * dropped, retyped, truncated, enlarged or re-encoded (in the JSON, inside clientDataJSON, in
 * the attestation object's CBOR, the authenticator data and the COSE key), against every way a
 * response reaches a registration session. Never a 500, always the one error shape, and the
 * session is never left busy: after a refusal the valid response still completes it.
 */

/** The probe of the issue: clientDataJSON "bnVsbA", base64url of `null`. Always run first. */
const reported: Mutation = { layer: 'clientData', member: null, op: { op: 'retype', value: null } };
// Fixed seeds: the same mutations on every run, so a failure reproduces and nothing flakes.
const runs = (seed: number, numRuns: number) => ({
  seed,
  numRuns,
  endOnFailure: true,
  examples: [[reported]] as [Mutation][],
});
const slow = 240_000;

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

type Reply = { status: number; body?: Json };

/** The one error shape: `{error: {code, message, details?}}` with a SNAKE_CASE code. */
function expectErrorShape(reply: Reply, mutation: Mutation) {
  const context = JSON.stringify(mutation);
  expect(reply.status, context).toBeGreaterThanOrEqual(400);
  expect(reply.status, context).toBeLessThan(500);
  expect(Object.keys(reply.body ?? {}), context).toEqual(['error']);
  const { code, message, details, ...rest } = reply.body.error;
  expect(code, context).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  expect(typeof message, context).toBe('string');
  expect(details === undefined || (typeof details === 'object' && details !== null), context).toBe(
    true,
  );
  expect(rest, context).toEqual({});
}

/** 200 or a 4xx in the error shape; never anything else. */
function expectHandled(reply: Reply, mutation: Mutation) {
  if (reply.status === 200) return;
  expectErrorShape(reply, mutation);
}

describe('a mutated registration response is a 4xx and leaves the session usable', () => {
  it(
    'the API complete endpoint',
    async () => {
      await fc.assert(
        fc.asyncProperty(registrationResponseMutations, async (mutation) => {
          const { sessionId, session } = await startSession(t);
          const valid = createSoftAuthenticator().createCredential(session.clientRequest);
          const reply = await complete(t, sessionId, applyMutation(valid, mutation));
          expectHandled(reply, mutation);
          if (reply.status === 200) return;
          const again = await complete(t, sessionId, valid);
          expect(again.status, JSON.stringify({ mutation, again: again.body })).toBe(200);
        }),
        runs(1201, 200),
      );
    },
    slow,
  );

  it(
    'the API complete endpoint, packed attestation',
    async () => {
      await fc.assert(
        fc.asyncProperty(registrationResponseMutations, async (mutation) => {
          const { sessionId, session } = await startSession(t);
          const authenticator = createSoftAuthenticator({ format: 'packed' });
          const valid = authenticator.createCredential(session.clientRequest);
          const reply = await complete(t, sessionId, applyMutation(valid, mutation));
          expectHandled(reply, mutation);
          if (reply.status === 200) return;
          expect((await complete(t, sessionId, valid)).status, JSON.stringify(mutation)).toBe(200);
        }),
        runs(1202, 60),
      );
    },
    slow,
  );

  it(
    'the Beyond Identity :complete',
    async () => {
      await fc.assert(
        fc.asyncProperty(registrationResponseMutations, async (mutation) => {
          const { link } = await identityWithLink(t);
          const redeemed = await redeem(t, link);
          const completion_token = redeemed.body.completion_token as string;
          const valid = createSoftAuthenticator().createCredential(redeemed.body.creation_options);
          const reply = await completeBinding(t, link, {
            completion_token,
            client_response: applyMutation(valid, mutation),
          });
          expectHandled(reply, mutation);
          if (reply.status === 200) return;
          const again = await completeBinding(t, link, {
            completion_token,
            client_response: valid,
          });
          expect(again.status, JSON.stringify({ mutation, again: again.body })).toBe(200);
          expect(again.body.credential_binding_job.state).toBe('COMPLETE');
        }),
        runs(1203, 120),
      );
    },
    slow,
  );

  it(
    'the end-user flow: the same step again, or the retry form, and then a passkey',
    async () => {
      let names = 0;
      await fc.assert(
        fc.asyncProperty(registrationResponseMutations, async (mutation) => {
          const flow = await openStartLink(t);
          const userName = `user${names++}`;
          await flow.post({ action: 'submit', data: { userName, displayName: 'Ada' } });
          const options = flow.step.ceremony.creationOptions;
          const valid = createSoftAuthenticator().createCredential(options);
          const reply = await flow.post({
            action: 'submit',
            browserResponse: applyMutation(valid, mutation),
          });
          const context = JSON.stringify({ mutation, step: flow.step });
          if (reply.status !== 200) {
            // Refused at the door: the same step, which the valid response then completes.
            expectErrorShape(reply, mutation);
            await flow.post({ action: 'submit', browserResponse: valid });
          } else if (flow.step.component === 'form') {
            // Refused by verification: the retry form, then a fresh ceremony that succeeds.
            expect(flow.step.submitLabel, context).toBe('Try again');
            await flow.post({ action: 'submit', data: {} });
            await flow.post({ action: 'submit', data: flow.step.data });
            const retry = createSoftAuthenticator().createCredential(
              flow.step.ceremony.creationOptions,
            );
            await flow.post({ action: 'submit', browserResponse: retry });
          }
          expect(flow.step.component, context).toBe('end');
          expect(flow.step.outcome, context).toBe('success');
        }),
        runs(1204, 120),
      );
    },
    slow,
  );

  it(
    'the domain call itself, past the HTTP schema (what a flow expression can hand in)',
    async () => {
      const failureCodes: ReadonlySet<string> = new Set(registrationFailureCodes);
      await fc.assert(
        fc.asyncProperty(registrationResponseMutations, async (mutation) => {
          const { sessionId, session } = await startSession(t);
          const valid = createSoftAuthenticator().createCredential(session.clientRequest);
          const call = (response: unknown) =>
            completePasskeyRegistration(t.app.deps, {
              tenantId: 'default',
              storeName: 'default',
              sessionId,
              response,
            });
          const outcome = await call(applyMutation(valid, mutation)).then(
            () => 'completed' as const,
            (error: unknown) => error,
          );
          if (outcome === 'completed') return;
          const context = JSON.stringify({ mutation, error: String(outcome) });
          // A judged refusal, never a TypeError out of the library or our own checks.
          expect(outcome, context).toBeInstanceOf(IdentityError);
          expect(failureCodes.has((outcome as IdentityError).code), context).toBe(true);
          expect(await readSession(t, sessionId)).toMatchObject({ status: 'PENDING', attempts: 1 });
          await expect(call(valid as RegistrationResponseJSON)).resolves.toMatchObject({
            status: 'COMPLETED',
          });
        }),
        runs(1205, 200),
      );
    },
    slow,
  );
});
