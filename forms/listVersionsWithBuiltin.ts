import { hashDefinition } from './hashDefinition';

/** One immutable version of a named definition (form, process, page). */
export interface DefinitionVersion<D> {
  name: string;
  version: number;
  definition: D;
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

interface StoredVersion {
  tenantId: string;
  name: string;
  version: number;
  definition: unknown;
  sha256: string;
  createdAt: string;
}

const builtinEpoch = '1970-01-01T00:00:00.000Z';

/**
 * Every version of `name` in the tenant, oldest first. A built-in definition is version 1 in
 * every tenant, so uploads under its name continue from 2 and an instance pinned to the
 * built-in keeps it.
 */
export function listVersionsWithBuiltin<D extends object>({
  stored,
  tenantId,
  name,
  builtin,
}: {
  stored: readonly StoredVersion[];
  tenantId: string;
  name: string;
  builtin: D | undefined;
}): DefinitionVersion<D>[] {
  const own = stored
    .filter((v) => v.tenantId === tenantId && v.name === name)
    .map((v) => ({
      name,
      version: v.version,
      definition: v.definition as D,
      sha256: v.sha256,
      createdAt: v.createdAt,
      builtin: false,
    }));
  if (!builtin) return own;
  return [
    {
      name,
      version: 1,
      definition: builtin,
      sha256: hashDefinition(builtin),
      createdAt: builtinEpoch,
      builtin: true,
    },
    ...own,
  ];
}
