import { join } from 'node:path';
import type { IdentityDefinitions } from './IdentityDefinitions';
import { openDocument } from './openDocument';

const empty: IdentityDefinitions = { tenants: [], tokens: [], stores: [], relyingParties: [] };

/** Tenants, tokens, stores and relying parties, in `identity.json` of the data directory. */
export async function createIdentityDefinitions({ dataDir }: { dataDir: string }) {
  return openDocument<IdentityDefinitions>({
    file: join(dataDir, 'identity.json'),
    defaults: empty,
  });
}

export type IdentityDefinitionsDocument = Awaited<ReturnType<typeof createIdentityDefinitions>>;
