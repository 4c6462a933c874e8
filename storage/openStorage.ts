import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import type { BindingDefinitions } from './BindingDefinitions';
import { checkDataDirectory, type DefinitionFile } from './checkDataDirectory';
import { createAuthenticationLinkRepository } from './createAuthenticationLinkRepository';
import { createAuthenticationSessionRepository } from './createAuthenticationSessionRepository';
import { createBindingJobRepository } from './createBindingJobRepository';
import { createBlobStore } from './createBlobStore';
import { createConsoleSessionRepository } from './createConsoleSessionRepository';
import { createIdentityDefinitions } from './createIdentityDefinitions';
import { createInstanceRepository } from './createInstanceRepository';
import { createPasskeyRepository } from './createPasskeyRepository';
import {
  createProcessTokenRepository,
  type ProcessTokenRepository,
} from './createProcessTokenRepository';
import { createRegistrationSessionRepository } from './createRegistrationSessionRepository';
import { createUserRepository } from './createUserRepository';
import {
  BindingDefinitionsSchema,
  FormDefinitionsSchema,
  PageDefinitionsSchema,
  ProcessDefinitionsSchema,
} from './DefinitionSchemas';
import { lockDataDirectory } from './lockDataDirectory';
import { type Document, openDocument } from './openDocument';
import type { PageDefinitions } from './PageDefinitions';
import type { RecordDurability } from './RecordDurability';
import type { RecordTables } from './RecordTables';
import type { FormDefinitions, ProcessDefinitions } from './RuntimeDefinitions';
import { openRecordDatabase } from './sqlite/openRecordDatabase';

function repositoriesOver(db: Kysely<RecordTables>) {
  return {
    users: createUserRepository(db),
    passkeys: createPasskeyRepository(db),
    sessions: createRegistrationSessionRepository(db),
    authenticationSessions: createAuthenticationSessionRepository(db),
    authenticationLinks: createAuthenticationLinkRepository(db),
    instances: createInstanceRepository(db),
    bindingJobs: createBindingJobRepository(db),
    processTokens: createProcessTokenRepository(db),
    consoleSessions: createConsoleSessionRepository(db),
  };
}
export type RecordRepositories = ReturnType<typeof repositoriesOver>;

/**
 * Everything Keyform keeps in one data directory: locks it, opens the definition documents and
 * the record database, and hands out repositories. `close()` releases all of it.
 */
export async function openStorage({
  dataDir,
  synchronous = 'FULL',
}: {
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
}) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDirectory({ dir: dataDir });
  try {
    // Before anything is opened or created: definitions and records must still belong together.
    const { create } = checkDataDirectory({ dataDir });
    const open = <T>(name: DefinitionFile, schema: TSchema, defaults: T) =>
      openDocument<T>({
        file: join(dataDir, name),
        schema,
        defaults,
        create: create.includes(name),
      });
    const identity = await createIdentityDefinitions({
      dataDir,
      create: create.includes('identity.json'),
    });
    const forms = await open<FormDefinitions>('forms.json', FormDefinitionsSchema, {
      versions: [],
    });
    const processes = await open<ProcessDefinitions>('processes.json', ProcessDefinitionsSchema, {
      versions: [],
    });
    // Its own file: identity.json refuses a missing collection, so a new one would break old data.
    const binding = await open<BindingDefinitions>('binding.json', BindingDefinitionsSchema, {
      authenticatorConfigs: [],
    });
    const pages = await open<PageDefinitions>('pages.json', PageDefinitionsSchema, {
      versions: [],
    });
    // Page bundle files, content-addressed beside the definitions (DESIGN §9).
    const blobs = createBlobStore({ dir: join(dataDir, 'blobs') });
    const {
      db,
      sqlite,
      durability,
      close: closeRecords,
    } = await openRecordDatabase({
      file: join(dataDir, 'records.sqlite'),
      synchronous,
    });
    const records = {
      ...repositoriesOver(db),
      /** Run `work` in one transaction: all of its writes commit together or none do. */
      transaction: <R>(work: (repos: RecordRepositories) => Promise<R>) =>
        db.transaction().execute((trx) => work(repositoriesOver(trx))),
      /**
       * When writes are committed and on disk: the api holds every answer until the request's
       * writes are (api/waitForDurableWrites.ts); anything else that acknowledges a write outside
       * a response (a mailed link) waits for it too.
       */
      durability,
    };
    await moveProcessTokens(processes, records);
    return {
      dataDir,
      identity,
      forms,
      processes,
      binding,
      pages,
      blobs,
      records,
      /** The SQLite handle itself, for tests and bulk fills (bench); nothing in the product uses it. */
      sqlite,
      close: async () => {
        await closeRecords();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Start links an older processes.json holds become records: inserted (a link already there, from
 * a start that stopped half-way, is kept), on disk, and only then dropped from the file.
 */
async function moveProcessTokens(
  processes: Document<ProcessDefinitions>,
  records: {
    transaction: <R>(
      work: (repos: { processTokens: ProcessTokenRepository }) => Promise<R>,
    ) => Promise<R>;
    durability: RecordDurability;
  },
) {
  const tokens = processes.read().tokens;
  if (tokens === undefined) return;
  await records.transaction((repos) => repos.processTokens.insertMissing(tokens));
  await records.durability.reached(records.durability.begin(), 'durable');
  await processes.update((draft) => {
    delete draft.tokens;
  });
}

export type Storage = Awaited<ReturnType<typeof openStorage>>;
export type Records = Storage['records'];
