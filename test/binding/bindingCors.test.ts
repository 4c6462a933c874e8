import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp, testOrigin } from '../support/buildTestApp';
import { completeOf, createIdentity, createJob, pathOf, realm, redeem } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const app = 'https://app.example.com';

async function embeddedJob() {
  const config = await t.request('POST', `${realm()}/authenticator-configs`, {
    body: { authenticator_config: { config: { type: 'embedded', invoke_url: app } } },
  });
  const identity = await createIdentity(t);
  const job = await createJob(t, identity.id, { authenticator_config_id: config.body.id });
  return job.body.credential_binding_link as string;
}

const preflight = (path: string, origin: string) =>
  t.app.inject({
    method: 'OPTIONS',
    url: path,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('CORS on the link endpoints', () => {
  it("answers a preflight from the config's trusted origins and Keyform's own, for redeem and complete", async () => {
    const link = await embeddedJob();
    for (const path of [pathOf(link), completeOf(link)]) {
      const answer = await preflight(path, app);
      expect(answer.statusCode).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(app);
      expect(answer.headers['access-control-allow-methods']).toBe('POST');
      expect(answer.headers['access-control-allow-headers']).toBe('content-type');
    }
    expect((await preflight(pathOf(link), testOrigin)).headers['access-control-allow-origin']).toBe(
      testOrigin,
    );
  });

  it('refuses other origins: 403 on preflight and on the request, without CORS headers', async () => {
    const link = await embeddedJob();
    const answer = await preflight(pathOf(link), 'https://evil.example');
    expect(answer.statusCode).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const refused = await redeem(t, link, { origin: 'https://evil.example' });
    expectError(refused, 403, 'ORIGIN_NOT_TRUSTED');
    // Refused before the token was looked at: the link is still unused.
    expect((await redeem(t, link, { origin: app })).status).toBe(200);
  });

  it('sends allow-origin on errors too, so the SDK can read why (e.g. a used link)', async () => {
    const link = await embeddedJob();
    await redeem(t, link, { origin: app });
    const again = await redeem(t, link, { origin: app });
    expectError(again, 410, 'BINDING_LINK_USED');
    expect(again.headers['access-control-allow-origin']).toBe(app);
  });

  it('answers 404 to a preflight for an unknown job', async () => {
    const link = await embeddedJob();
    const answer = await preflight(pathOf(link).replace(/jobs\/[^:]+:/, 'jobs/nope:'), app);
    expect(answer.statusCode).toBe(404);
  });
});
