import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../storage/openStorage';
import type { ProcessTokenRecord } from '../../storage/ProcessTokenRecord';
import { recordsFilePerTest } from './support/migrateUpTo';

const paths = recordsFilePerTest('keyform-tokens-');
const dataDir = () => join(paths.file, '..');

const link = (id: string, usedAt: string | null): ProcessTokenRecord => ({
  id,
  tenantId: 'default',
  name: `link-${id}`,
  processDefnName: 'passkey-registration',
  processDefnVersion: null,
  type: 'SINGLE_USE',
  parameters: { rpId: 'localhost', externalId: id },
  expiresAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  usedAt,
});

/** processes.json as a version that kept start links in it left it. */
async function writeOldProcessesFile(tokens: ProcessTokenRecord[]) {
  const storage = await openStorage({ dataDir: dataDir(), synchronous: 'NORMAL' });
  await storage.close();
  const file = join(dataDir(), 'processes.json');
  const data = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...data, tokens }));
}

describe('start links of an older processes.json', () => {
  it('become records on the first start, used ones still used, and leave the file', async () => {
    const old = [link('pt_a', null), link('pt_b', '2026-01-02T00:00:00.000Z')];
    await writeOldProcessesFile(old);
    const storage = await openStorage({ dataDir: dataDir(), synchronous: 'NORMAL' });
    try {
      expect(await storage.records.processTokens.list({ tenantId: 'default' })).toEqual(old);
      expect(storage.processes.read().tokens).toBeUndefined();
      const onDisk = JSON.parse(await readFile(join(dataDir(), 'processes.json'), 'utf8'));
      expect(onDisk).not.toHaveProperty('tokens');
      expect(await storage.records.processTokens.claim({ id: 'pt_b', usedAt: 'x' })).toBe(
        undefined,
      );
    } finally {
      await storage.close();
    }
  });

  it('keeps the record when a start stopped after the insert and before the file changed', async () => {
    await writeOldProcessesFile([link('pt_a', null)]);
    const first = await openStorage({ dataDir: dataDir(), synchronous: 'NORMAL' });
    await first.records.processTokens.claim({ id: 'pt_a', usedAt: '2026-01-03T00:00:00.000Z' });
    await first.close();
    // The file still lists the link unused, as if the first start had stopped half-way.
    const file = join(dataDir(), 'processes.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...data, tokens: [link('pt_a', null)] }));
    const again = await openStorage({ dataDir: dataDir(), synchronous: 'NORMAL' });
    try {
      const [kept] = await again.records.processTokens.list({ tenantId: 'default' });
      expect(kept?.usedAt).toBe('2026-01-03T00:00:00.000Z');
      expect(again.processes.read().tokens).toBeUndefined();
    } finally {
      await again.close();
    }
  });
});
