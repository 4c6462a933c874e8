import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/buildApp';
import { loadConfig } from '../../api/loadConfig';
import { loggerOptions } from '../../api/loggerOptions';
import { seedDemo } from '../../api/seedDemo';
import { openStorage, type Storage } from '../../storage/openStorage';
import { createSoftAuthenticator } from '../support/createSoftAuthenticator';

const admin = `root_${'x'.repeat(32)}`;
let dir: string;
let storage: Storage;
let lines: string[];
let app: Awaited<ReturnType<typeof buildApp>>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-logs-'));
  lines = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = {
    ...loadConfig({}),
    dataDir: dir,
    adminToken: admin,
    publicUrl: 'http://localhost:3000',
  };
  storage = await openStorage({ dataDir: dir, synchronous: 'NORMAL' });
  const options = loggerOptions('info') as object;
  app = await buildApp({ storage, config, logger: { ...options, stream } as never });
  await seedDemo(app.deps, config);
});
afterEach(async () => {
  await app.close();
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const call = async (method: 'GET' | 'POST', url: string, body?: unknown, auth = true) => {
  const reply = await app.inject({
    method,
    url,
    headers: auth ? { authorization: `Bearer ${admin}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: reply.statusCode, body: reply.body ? JSON.parse(reply.body) : undefined };
};

describe('binding secrets stay out of the log', () => {
  it('logs neither link tokens nor completion tokens, for RETURN and EMAIL jobs', async () => {
    const realm = '/v1/tenants/default/realms/default';
    const identity = await call('POST', `${realm}/identities`, {
      identity: {
        display_name: 'Ada',
        traits: { username: 'ada', primary_email_address: 'ada@example.com' },
      },
    });
    const jobs = `${realm}/identities/${identity.body.id}/credential-binding-jobs`;
    const returned = await call('POST', jobs, { job: { delivery_method: 'RETURN' } });
    const link = new URL(returned.body.credential_binding_link);
    const token = link.searchParams.get('token')!;
    await call('GET', `${link.pathname}${link.search}`, undefined, false);
    const redeemed = await call('POST', `${link.pathname}${link.search}`, {}, false);
    const response = createSoftAuthenticator().createCredential(redeemed.body.creation_options);
    const completed = await call(
      'POST',
      link.pathname.replace(':invokeAuthenticator', ':complete'),
      { completion_token: redeemed.body.completion_token, client_response: response },
      false,
    );
    expect(completed.status).toBe(200);
    const mailed = await call('POST', jobs, { job: { delivery_method: 'EMAIL' } });
    expect(mailed.status).toBe(200);

    const log = lines.join('');
    expect(log).toContain(':invokeAuthenticator');
    expect(log).toContain('binding email written to the outbox');
    expect(log).toContain(`${mailed.body.credential_binding_job.id}.eml`);
    expect(log).not.toContain(token);
    expect(log).not.toContain(redeemed.body.completion_token);
    expect(log).not.toContain('token=');
  });
});
