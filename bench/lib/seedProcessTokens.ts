import { randomBytes } from 'node:crypto';
import { createProcessToken } from '../../runtime/definition/createProcessToken';
import type { Document } from '../../storage/openDocument';
import { openStorage } from '../../storage/openStorage';
import type { ProcessDefinitions } from '../../storage/RuntimeDefinitions';
import { benchOrigin } from './startKeyform';

/**
 * `count` process tokens into the built-in `passkey-registration` process for tenant `default`,
 * written into a data directory before its server starts (openStorage: lock, schema), as a
 * mailing's links (SINGLE_USE, each with its user's `externalId`) or one shared link
 * (UNLIMITED, with `rpId` only). Each record is createProcessToken's own, collected and committed
 * in one document update: one update per token rewrites the whole document each time, which
 * would make 100k tokens take hours. Returns the token ids.
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
    const collected: ProcessDefinitions = { versions: [], tokens: [] };
    const collecting: Document<ProcessDefinitions> = {
      read: () => storage.processes.read(),
      update: (change) => new Promise((done) => done(change(collected))),
    };
    const deps = {
      processes: collecting,
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
    await storage.processes.update((draft) => {
      draft.tokens.push(...collected.tokens);
    });
    return ids;
  } finally {
    await storage.close();
  }
}
