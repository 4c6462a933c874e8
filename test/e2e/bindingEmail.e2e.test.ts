import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from './support/addVirtualAuthenticator';
import { launchChromium } from './support/launchChromium';
import { decodeQuotedPrintable, startSmtpServer } from './support/startSmtpServer';
import { startTestServer } from './support/startTestServer';

let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const realm = '/v1/tenants/default/realms/default';

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({
    config: { smtpUrl: smtp.url, mailFrom: 'Keyform <keys@example.com>' },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe('an EMAIL job over SMTP, finished on the hosted page in Chromium', () => {
  it('mails the link; opening it lands on /bind; the passkey is bound and the redirect followed', async () => {
    const identity = await server.api('POST', `${realm}/identities`, {
      identity: {
        display_name: 'Grace Hopper',
        traits: {
          type: 'traits_v0',
          username: 'grace',
          primary_email_address: 'grace@example.com',
        },
      },
    });
    expect(identity.status).toBe(200);
    const jobs = `${realm}/identities/${identity.body.id}/credential-binding-jobs`;
    const created = await server.api('POST', jobs, {
      job: { delivery_method: 'EMAIL', post_binding_redirect_uri: `${server.publicUrl}/health` },
    });
    expect(created.status).toBe(200);
    expect(created.body.credential_binding_job.state).toBe('LINK_SENT');
    // EMAIL hands the link to the mail only.
    expect(created.body.credential_binding_link).toBeUndefined();

    const mail = await smtp.nextMessage();
    expect(mail.to).toEqual(['grace@example.com']);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('From: Keyform <keys@example.com>');
    expect(text).toContain('Hello Grace Hopper');
    const link = /https?:\/\/\S+:invokeAuthenticator\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
    expect(link).toBeDefined();

    const page = await browser.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Create your passkey' }).waitFor();
    // The token left the address bar; the job knows the link was opened.
    expect(new URL(page.url()).pathname).toBe('/bind');
    expect(new URL(page.url()).hash).toBe('');
    const jobUrl = `${jobs}/${created.body.credential_binding_job.id}`;
    expect((await server.api('GET', jobUrl)).body.state).toBe('LINK_OPENED');

    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.waitForURL(`${server.publicUrl}/health`);
    const done = await server.api('GET', jobUrl);
    expect(done.body).toMatchObject({ state: 'COMPLETE', credential_id: expect.any(String) });
    const passkeys = await server.api(
      'GET',
      `/api/identity-store/stores/default/users/${identity.body.id}/passkeys`,
    );
    expect(passkeys.body.items.map((p: { id: string }) => p.id)).toEqual([done.body.credential_id]);
    await page.close();
  });

  it('offers "Try again" after a dismissed prompt, and binds on the second try', async () => {
    const identity = await server.api('POST', `${realm}/identities`, {
      identity: {
        display_name: 'Ada',
        traits: { type: 'traits_v0', username: 'ada', primary_email_address: 'ada@example.com' },
      },
    });
    const jobs = `${realm}/identities/${identity.body.id}/credential-binding-jobs`;
    const created = await server.api('POST', jobs, { job: { delivery_method: 'EMAIL' } });
    const mail = await smtp.nextMessage();
    const link = /https?:\/\/\S+:invokeAuthenticator\?token=[A-Za-z0-9_-]+/.exec(
      decodeQuotedPrintable(mail.raw),
    )![0];

    const page = await browser.newPage();
    const authenticator = await addVirtualAuthenticator(page, { isUserVerified: false });
    await page.goto(link);
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByRole('heading', { name: 'No passkey was created' }).waitFor();
    await authenticator.setUserVerified(true);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Your passkey was created.' }).waitFor();
    const done = await server.api('GET', `${jobs}/${created.body.credential_binding_job.id}`);
    expect(done.body.state).toBe('COMPLETE');
    await page.close();
  });
});
