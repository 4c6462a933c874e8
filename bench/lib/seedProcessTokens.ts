import { randomBytes } from 'node:crypto';
import { createProcessToken } from '../../runtime/definition/createProcessToken';
import { openStorage } from '../../storage/openStorage';
import { benchOrigin } from './startKeyform';

/**
 * `count` process tokens into the built-in `passkey-registration` process for tenant `default`,
 * written into a data directory before its server starts (openStorage: lock, migrations), as a
 * mailing's links (SINGLE_USE, each with its user's `externalId`) or one shared link
 * (UNLIMITED, with `rpId` only). Each record is createProcessToken's own, all inserted in one
 * transaction (one commit, not one per token). Returns the token ids.
 */
export async function seedProcessTokens({
  dataDir,
  count,
  type,
}: {
  dataDir: string;
  count: number;
  type: 'UNLIMITED' | 'SINGLE_USE';
}) {
  const storage = await openStorage({ dataDir });
  try {
    return await storage.records.transaction(async ({ processTokens }) => {
      const deps = {
        processes: storage.processes,
        records: { processTokens },
        now: () => Date.now(),
        randomBytes,
        publicUrl: benchOrigin,
      };
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const parameters: Record<string, unknown> = { rpId: 'localhost' };
        if (type === 'SINGLE_USE') parameters.externalId = `mailing-${String(i).padStart(8, '0')}`;
        const token = await createProcessToken(deps, {
          tenantId: 'default',
          name: type === 'SINGLE_USE' ? `mailing-${i}` : 'bench-flow',
          processDefnName: 'passkey-registration',
          type,
          parameters,
        });
        ids.push(token.id);
      }
      return ids;
    });
  } finally {
    await storage.close();
  }
}
