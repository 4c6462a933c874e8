import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTestKit';
import { buildTestApp, type TestApp } from '../support/buildTestApp';
import { createIdentity, createJob, readJob } from './bindingTestKit';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const outbox = () => join(t.dataDir, 'outbox');
/** The outbox file of `jobId`, decoded enough to read the link. */
async function mailOf(jobId: string) {
  const files = (await readdir(outbox())).filter((f) => f.endsWith(`-${jobId}.eml`));
  expect(files).toHaveLength(1);
  const raw = await readFile(join(outbox(), files[0]!), 'utf8');
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

describe('EMAIL delivery', () => {
  it('without KEYFORM_SMTP_URL writes the mail to <dataDir>/outbox; the link in it works', async () => {
    const identity = await createIdentity(t, {
      username: 'ada',
      primary_email_address: 'ada@example.com',
    });
    const created = await createJob(t, identity.id, { delivery_method: 'EMAIL' });
    expect(created.status).toBe(200);
    expect(created.body.credential_binding_job).toMatchObject({
      delivery_method: 'EMAIL',
      state: 'LINK_SENT',
    });
    expect(created.body.credential_binding_link).toBeUndefined();

    const mail = await mailOf(created.body.credential_binding_job.id);
    expect(mail).toContain('To: ada@example.com');
    expect(mail).toContain('Subject: Create your passkey');
    expect(mail).toContain('Content-Type: text/html');
    const link = /https?:\/\/\S+:invokeAuthenticator\?token=[A-Za-z0-9_-]+/.exec(mail)![0];
    const opened = await t.request('GET', new URL(link).pathname + new URL(link).search, {
      token: null,
    });
    expect(opened.status).toBe(302);
    expect((await readJob(t, created.body.credential_binding_job)).state).toBe('LINK_OPENED');
  });

  it('refuses EMAIL for an identity without primary_email_address (422) and stores no job', async () => {
    const identity = await createIdentity(t, { primary_email_address: undefined });
    expectError(
      await createJob(t, identity.id, { delivery_method: 'EMAIL' }),
      422,
      'IDENTITY_HAS_NO_EMAIL',
    );
    const n = t.storage.sqlite
      .prepare('select count(*) as n from credential_binding_jobs')
      .get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('uses the operator’s templates from <dataDir>/templates, HTML-escaping the values', async () => {
    await mkdir(join(t.dataDir, 'templates'), { recursive: true });
    await writeFile(
      join(t.dataDir, 'templates', 'binding-email.subject.txt'),
      'Passkey for {{username}}',
    );
    await writeFile(
      join(t.dataDir, 'templates', 'binding-email.html'),
      '<p>Hi {{display_name}}: <a href="{{link}}">go</a></p>',
    );
    const identity = await t.request('POST', '/v1/tenants/default/realms/default/identities', {
      body: {
        identity: {
          display_name: '<b>Eve</b>',
          traits: { username: 'eve', primary_email_address: 'eve@example.com' },
        },
      },
    });
    const created = await createJob(t, identity.body.id, { delivery_method: 'EMAIL' });
    const mail = await mailOf(created.body.credential_binding_job.id);
    expect(mail).toContain('Subject: Passkey for eve');
    expect(mail).toContain('Hi &lt;b&gt;Eve&lt;/b&gt;');
    // The text part still comes from the built-in template.
    expect(mail).toContain('Hello <b>Eve</b>');
  });
});

describe('a mail that cannot be sent', () => {
  it("leaves the job FAILED_TO_SEND, visible on reads, with the transport's error code kept", async () => {
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    const broken = await buildTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
    try {
      const identity = await createIdentity(broken);
      const created = await createJob(broken, identity.id, { delivery_method: 'EMAIL' });
      expect(created.status).toBe(200);
      expect(created.body.credential_binding_job.state).toBe('FAILED_TO_SEND');
      expect((await readJob(broken, created.body.credential_binding_job)).state).toBe(
        'FAILED_TO_SEND',
      );
      const row = broken.storage.sqlite
        .prepare('select failure_code from credential_binding_jobs')
        .get() as {
        failure_code: string;
      };
      expect(row.failure_code).toBe('ESOCKET');
      // A RETURN job next to it is unaffected: delivery is per job.
      const returned = await createJob(broken, identity.id);
      expect(returned.body.credential_binding_job.state).toBe('LINK_SENT');
    } finally {
      await broken.close();
    }
  });
});
