import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from './StorageError';

/** What each definitions file holds, for the message that says what a missing one takes along. */
export const definitionFiles = {
  'identity.json': 'tenants, API tokens, identity stores and relying parties',
  'forms.json': 'form versions',
  'processes.json': 'process definitions and process tokens',
  'pages.json': 'page versions',
  'binding.json': 'authenticator configs',
} as const;
export type DefinitionFile = keyof typeof definitionFiles;

/**
 * The first migration of the version that writes every definitions file at its first start: a
 * records.sqlite that has it was opened by such a version, so a definitions file missing beside
 * it was lost, not never written. (Older versions wrote a file only on its first change.)
 */
const everyFileWrittenSince = '0004_user_key_folded';

/**
 * Refuse a data directory whose definitions and records no longer belong together (DESIGN §9):
 * a definitions file, identity.json above all, missing beside existing records would be silently
 * re-created empty, and with it tenants, tokens and relying parties would be gone; records.sqlite
 * missing beside definitions loses every user and passkey. Answers which definitions files may be
 * created: all of them in a new directory, the ones an older version never wrote when upgrading.
 * Reads only; never writes.
 */
export function checkDataDirectory({ dataDir }: { dataDir: string }): {
  create: DefinitionFile[];
} {
  const names = Object.keys(definitionFiles) as DefinitionFile[];
  const missing = names.filter((name) => !existsSync(join(dataDir, name)));
  const present = names.filter((name) => !missing.includes(name));
  const records = join(dataDir, 'records.sqlite');

  if (!existsSync(records)) {
    // A first start that stopped before records.sqlite existed leaves only empty files behind.
    if (present.every((name) => holdsNothing(join(dataDir, name)))) return { create: missing };
    throw new StorageError(
      'STORAGE_CORRUPT',
      `${records} is missing beside ${present.join(', ')}: every user, passkey and session would be gone. Restore it from a backup; ${startOver(dataDir)}`,
    );
  }
  if (missing.length === 0) return { create: [] };
  const upgrading =
    !missing.includes('identity.json') && !hasMigration(records, everyFileWrittenSince);
  if (upgrading) return { create: missing };
  const lost = missing.map((name) => `${name} (${definitionFiles[name]})`).join(', ');
  throw new StorageError(
    'STORAGE_CORRUPT',
    `${dataDir} has records.sqlite but no ${lost}: starting would re-create ${missing.length === 1 ? 'it' : 'them'} empty beside the existing users. Restore ${missing.length === 1 ? 'it' : 'them'} from a backup; ${startOver(dataDir)}`,
  );
}

const startOver = (dataDir: string) =>
  `to start over on purpose, move ${dataDir} away (or point KEYFORM_DATA_DIR at a new directory) and start again (Keyform will not overwrite anything)`;

/** Whether a definitions file holds no record at all (every collection an empty list). */
function holdsNothing(file: string) {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return (
      typeof data === 'object' &&
      data !== null &&
      Object.values(data).every((v) => Array.isArray(v) && v.length === 0)
    );
  } catch {
    return false;
  }
}

/** Whether records.sqlite has run `name`; a file that cannot be read is left to openRecordDatabase. */
function hasMigration(file: string, name: string) {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    return sqlite.prepare('select 1 from kysely_migration where name = ?').get(name) !== undefined;
  } catch {
    // Not SQLite, or no migration table yet: openRecordDatabase refuses or migrates it.
    return false;
  } finally {
    sqlite?.close();
  }
}
