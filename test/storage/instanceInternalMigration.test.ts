import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createInstanceRepository } from '../../storage/createInstanceRepository';
import { openRecordDatabase } from '../../storage/sqlite/openRecordDatabase';
import { migrateUpTo, recordsFilePerTest } from './support/migrateUpTo';

const paths = recordsFilePerTest('keyform-internal-');

const clientRequest = { challenge: 'c-1', rp: { id: 'localhost', name: 'Demo' } };

/** A records.sqlite as the previous version left it, with one instance mid-registration. */
async function previousDatabase(context: Record<string, unknown>) {
  await migrateUpTo(paths.file, '0005_instance_internal');
  const sqlite = new Database(paths.file);
  sqlite
    .prepare(
      `insert into process_instances (id, tenant_id, definition_name, definition_version,
        process_token_id, state, cursor, step, context, history, visits, failures, decision,
        capability_hash, entry_hash, expires_at, created_at, updated_at, revision)
       values ('i-1', 'default', 'passkey-registration', 1, null, 'RUNNING', 'complete', null,
        ?, '[]', '{}', '[]', null, null, null, 0, '2026-01-01T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z', 3)`,
    )
    .run(JSON.stringify(context));
  sqlite.close();
}

describe('migration 0005: the engine keeps registrations out of the context', () => {
  it('moves a registration under way to the internal part, leaving its TrustX view', async () => {
    const request = {
      storeName: 'default',
      rpId: 'localhost',
      policyName: 'default',
      subject: { externalId: 'x-1' },
      createUser: true,
      userHandle: 'h-1',
    };
    await previousDatabase({
      _parameters: { rpId: 'localhost' },
      _identityStore: {
        passkeys: {
          registrations: {
            passkeyReg1: {
              currentPasskeyRegistrationRecord: {
                request,
                startPasskeyRegistrationResponse: {
                  sessionId: 's-1',
                  status: 'PENDING',
                  clientRequest,
                  expiresAt: '2026-01-01T00:05:00.000Z',
                  attempts: 0,
                },
                browserResponse: { id: 'cred' },
              },
            },
          },
        },
      },
    });
    const records = await openRecordDatabase({ file: paths.file, synchronous: 'NORMAL' });
    try {
      const instance = await createInstanceRepository(records.db).find({ id: 'i-1' });
      const session = {
        sessionId: 's-1',
        status: 'PENDING',
        clientRequest,
        expiresAt: '2026-01-01T00:05:00.000Z',
      };
      expect(instance?.internal).toEqual({
        registrations: { passkeyReg1: { request, session, browserResponse: { id: 'cred' } } },
      });
      expect(instance?.context).toEqual({
        _parameters: { rpId: 'localhost' },
        _identityStore: {
          passkeys: {
            registrations: {
              passkeyReg1: {
                currentPasskeyRegistrationRecord: { startPasskeyRegistrationResponse: session },
              },
            },
          },
        },
      });
      expect(instance?.revision).toBe(3);
    } finally {
      await records.close();
    }
  });

  it('gives every other instance an empty internal part', async () => {
    await previousDatabase({ _parameters: {} });
    const records = await openRecordDatabase({ file: paths.file, synchronous: 'NORMAL' });
    try {
      const instance = await createInstanceRepository(records.db).find({ id: 'i-1' });
      expect(instance?.internal).toEqual({ registrations: {} });
      expect(instance?.context).toEqual({ _parameters: {} });
    } finally {
      await records.close();
    }
  });
});
