import { join } from 'node:path';
import { IdentityDefinitionsSchema } from './DefinitionSchemas';
import type { IdentityDefinitions } from './IdentityDefinitions';
import { openDocument } from './openDocument';

const empty: IdentityDefinitions = { tenants: [], tokens: [], stores: [], relyingParties: [] };

/** Tenants, tokens, stores and relying parties, in `identity.json` of the data directory. */
export async function createIdentityDefinitions({
  dataDir,
  create = false,
}: {
  dataDir: string;
  /** Write the empty file when there is none (openStorage: a new data directory). */
  create?: boolean;
}) {
  return openDocument<IdentityDefinitions>({
    file: join(dataDir, 'identity.json'),
    schema: IdentityDefinitionsSchema,
    defaults: empty,
    create,
  });
}

export type IdentityDefinitionsDocument = Awaited<ReturnType<typeof createIdentityDefinitions>>;
