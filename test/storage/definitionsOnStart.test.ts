import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../storage/migrations/m0001_identity';
import { openStorage } from '../../storage/openStorage';
import { StorageError } from '../../storage/StorageError';
import { buildTestApp, type Json } from '../support/buildTestApp';

const sha = (c: string) => c.repeat(64);
const at = '2026-01-01T00:00:00.000Z';

/** A data directory the current version made, with a record in every definitions file. */
let base: string;
let dir: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'keyform-defs-base-'));
  const t = await buildTestApp({ dataDir: base });
  const token = await t.request('POST', '/api/tenants/default/tokens', {
    body: { name: 'ci', permissions: ['TNT#default#IdentityStore:*'] },
  });
  expect(token.status).toBe(201);
  await t.close();
  const add = async (name: string, collection: string, record: Json) => {
    const data = JSON.parse(await readFile(join(base, name), 'utf8'));
    data[collection].push(record);
    await writeFile(join(base, name), JSON.stringify(data, null, 2));
  };
  const versioned = {
    tenantId: 'default',
    name: 'signup',
    version: 1,
    sha256: sha('a'),
    createdAt: at,
  };
  await add('forms.json', 'versions', { ...versioned, definition: { schema: { type: 'object' } } });
  await add('processes.json', 'versions', { ...versioned, definition: { nodes: [] } });
  await add('pages.json', 'versions', {
    ...versioned,
    files: [{ path: 'index.html', sha256: sha('b'), size: 10, contentType: 'text/html' }],
  });
  await add('binding.json', 'authenticatorConfigs', {
    id: 'cfg1',
    tenantId: 'default',
    storeName: 'default',
    displayName: null,
    type: 'hosted_web',
    invokeUrl: 'https://app.example.com',
    trustedOrigins: [],
    invocationType: 'automatic',
    rpId: null,
    registrationPolicy: null,
    createdAt: at,
    updatedAt: at,
  });
});
afterAll(async () => rm(base, { recursive: true, force: true }));
beforeEach(async (context) => {
  dir = await mkdtemp(join(tmpdir(), 'keyform-defs-'));
  await cp(base, dir, { recursive: true });
  context.onTestFinished(() => rm(dir, { recursive: true, force: true }));
});

const refusal = async () => {
  const error = await openStorage({ dataDir: dir, synchronous: 'NORMAL' }).catch((e) => e);
  expect(error).toBeInstanceOf(StorageError);
  expect(error.code).toBe('STORAGE_CORRUPT');
  // The directory is released: nothing of this start is left behind.
  expect(existsSync(join(dir, 'keyform.pid'))).toBe(false);
  return error.message as string;
};
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      (await readdir(dir))
        .filter((f) => f.endsWith('.json'))
        .map(async (f) => [f, await readFile(join(dir, f))]),
    ),
  );

describe('definitions files are checked against their schema at start', () => {
  it('a directory with a record in every file starts (the fixture is valid)', async () => {
    const storage = await openStorage({ dataDir: dir, synchronous: 'NORMAL' });
    expect(storage.forms.read().versions).toHaveLength(1);
    expect(storage.binding.read().authenticatorConfigs).toHaveLength(1);
    await storage.close();
  });

  const cases: Array<[string, string, (data: Json) => void, RegExp[]]> = [
    [
      'identity.json',
      'a token expiry that is not an instant',
      (d) => {
        d.tokens[0].expiresAt = 'soon';
      },
      [
        /record tokens\[0\] \(id "[^"]+", tenantId "default", name "ci"\)/,
        /\/expiresAt must match pattern/,
      ],
    ],
    [
      'identity.json',
      'origins as a string',
      (d) => {
        d.relyingParties[0].origins = 'http://localhost:3000';
      },
      [/record relyingParties\[0\]/, /\/origins must be array/],
    ],
    [
      'identity.json',
      'a tenant without createdAt',
      (d) => {
        delete d.tenants[0].createdAt;
      },
      [/record tenants\[0\] \(id "default"\)/, /required properties createdAt/],
    ],
    [
      'identity.json',
      'a policy with an unknown requirement',
      (d) => {
        d.relyingParties[0].registrationPolicies.default.userVerification = 'always';
      },
      [/\/registrationPolicies\/default\/userVerification must be equal to constant/],
    ],
    [
      'identity.json',
      'no stores collection',
      (d) => {
        delete d.stores;
      },
      [/malformed document: \/ must have required properties stores/],
    ],
    [
      'forms.json',
      'a version number as a string',
      (d) => {
        d.versions[0].version = '1';
      },
      [
        /record versions\[0\] \(tenantId "default", name "signup", version "1"\)/,
        /\/version must be integer/,
      ],
    ],
    [
      'forms.json',
      'a version without its hash',
      (d) => {
        delete d.versions[0].sha256;
      },
      [/record versions\[0\]/, /required properties sha256/],
    ],
    [
      'forms.json',
      'a definition without a schema',
      (d) => {
        d.versions[0].definition = { uischema: {} };
      },
      [/\/definition must have required properties schema/],
    ],
    [
      'forms.json',
      'version 0',
      (d) => {
        d.versions[0].version = 0;
      },
      [/\/version must be >= 1/],
    ],
    [
      'processes.json',
      'a start link (of a file from before process_tokens) of an unknown type',
      (d) => {
        d.tokens = [
          {
            id: 'pt_1',
            tenantId: 'default',
            name: 'old',
            processDefnName: 'signup',
            processDefnVersion: null,
            type: 'FOREVER',
            parameters: {},
            expiresAt: null,
            createdAt: at,
            usedAt: null,
          },
        ];
      },
      [/record tokens\[0\]/, /\/type must be equal to constant/],
    ],
    [
      'processes.json',
      'a definition that is a list',
      (d) => {
        d.versions[0].definition = [];
      },
      [/record versions\[0\]/, /\/definition must be object/],
    ],
    [
      'pages.json',
      'a file of negative size',
      (d) => {
        d.versions[0].files[0].size = -1;
      },
      [/record versions\[0\]/, /\/files\/0\/size must be >= 0/],
    ],
    [
      'pages.json',
      'files as an object',
      (d) => {
        d.versions[0].files = {};
      },
      [/\/files must be array/],
    ],
    [
      'binding.json',
      'a config of an unknown type',
      (d) => {
        d.authenticatorConfigs[0].type = 'native';
      },
      [/record authenticatorConfigs\[0\] \(id "cfg1"/, /\/type must be equal to constant/],
    ],
    [
      'binding.json',
      'a record that is not an object',
      (d) => {
        d.authenticatorConfigs[0] = 'cfg1';
      },
      [/record authenticatorConfigs\[0\]: must be object/],
    ],
  ];
  for (const [file, label, spoil, expected] of cases) {
    it(`refuses ${file} with ${label}, naming the file, record and field, and leaves it byte-identical`, async () => {
      const path = join(dir, file);
      const data = JSON.parse(await readFile(path, 'utf8'));
      spoil(data);
      await writeFile(path, JSON.stringify(data, null, 2));
      const before = await snapshot();
      const message = await refusal();
      expect(message).toContain(path);
      for (const pattern of expected) expect(message).toMatch(pattern);
      expect(message).toMatch(/will not overwrite/);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('still refuses a file that is not JSON', async () => {
    await writeFile(join(dir, 'forms.json'), '{"versions": [');
    expect(await refusal()).toMatch(/forms\.json is not valid JSON/);
    expect(await readFile(join(dir, 'forms.json'), 'utf8')).toBe('{"versions": [');
  });
});

describe('definitions and records that no longer belong together stop the start', () => {
  it('identity.json deleted beside records.sqlite: refused, nothing re-created', async () => {
    await rm(join(dir, 'identity.json'));
    const before = await snapshot();
    const message = await refusal();
    expect(message).toMatch(
      /no identity\.json \(tenants, API tokens, identity stores and relying parties\)/,
    );
    expect(message).toMatch(
      /to start over on purpose, move .* away \(or point KEYFORM_DATA_DIR at a new directory\)/,
    );
    expect(existsSync(join(dir, 'identity.json'))).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('one definitions file deleted while the others exist: refused, naming it', async () => {
    await rm(join(dir, 'forms.json'));
    expect(await refusal()).toMatch(/no forms\.json \(form versions\)/);
    expect(existsSync(join(dir, 'forms.json'))).toBe(false);
  });

  it('records.sqlite deleted beside the definitions: refused', async () => {
    await rm(join(dir, 'records.sqlite'));
    expect(await refusal()).toMatch(/records\.sqlite is missing beside identity\.json/);
    expect(existsSync(join(dir, 'records.sqlite'))).toBe(false);
  });

  it('a fresh empty directory starts, seeds, and writes every definitions file', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'keyform-fresh-'));
    try {
      const t = await buildTestApp({ dataDir: fresh });
      expect((await t.request('GET', '/api/identity-store/stores')).body.items).toHaveLength(1);
      await t.close();
      const files = await readdir(fresh);
      for (const f of [
        'identity.json',
        'forms.json',
        'processes.json',
        'pages.json',
        'binding.json',
      ])
        expect(files).toContain(f);
      // ...and a restart of it starts again.
      const again = await openStorage({ dataDir: fresh, synchronous: 'NORMAL' });
      await again.close();
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('a directory of the previous version, which wrote files only on first change, is upgraded', async () => {
    const old = await mkdtemp(join(tmpdir(), 'keyform-old-'));
    try {
      // The previous layout: records.sqlite without migration 0004, identity.json, nothing else.
      const db = new Kysely<unknown>({
        dialect: new SqliteDialect({ database: new Database(join(old, 'records.sqlite')) }),
      });
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => ({ '0001_identity': m0001 }) },
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      await db.destroy();
      await cp(join(base, 'identity.json'), join(old, 'identity.json'));
      const storage = await openStorage({ dataDir: old, synchronous: 'NORMAL' });
      expect(storage.identity.read().tenants.map((t) => t.id)).toEqual(['default']);
      await storage.close();
      expect((await readdir(old)).filter((f) => f.endsWith('.json')).sort()).toEqual([
        'binding.json',
        'forms.json',
        'identity.json',
        'pages.json',
        'processes.json',
      ]);
      // From now on a lost file is refused like in any other directory.
      await rm(join(old, 'pages.json'));
      const error = await openStorage({ dataDir: old, synchronous: 'NORMAL' }).catch((e) => e);
      expect(error.message).toMatch(/no pages\.json/);
    } finally {
      await rm(old, { recursive: true, force: true });
    }
  });
});
