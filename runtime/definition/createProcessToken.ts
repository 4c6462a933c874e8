import { randomId } from '../../core/randomId';
import type { Records } from '../../storage/openStorage';
import type { ProcessTokenRecord } from '../../storage/ProcessTokenRecord';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { findProcessDefinition } from './findProcessDefinition';

/** A start link into a process definition: reusable (UNLIMITED) or good for one instance. */
export async function createProcessToken(
  deps: Pick<RuntimeDeps, 'processes' | 'now' | 'randomBytes' | 'publicUrl'> & {
    records: Pick<Records, 'processTokens'>;
  },
  {
    tenantId,
    name,
    processDefnName,
    processDefnVersion = null,
    type = 'UNLIMITED',
    parameters = {},
    expiresAt = null,
  }: {
    tenantId: string;
    name: string;
    processDefnName: string;
    processDefnVersion?: number | null;
    type?: 'UNLIMITED' | 'SINGLE_USE';
    parameters?: Record<string, unknown>;
    expiresAt?: string | null;
  },
) {
  findProcessDefinition(deps, { tenantId, name: processDefnName, version: processDefnVersion });
  if (expiresAt !== null && Date.parse(expiresAt) <= deps.now()) {
    throw new RuntimeError('PROCESS_TOKEN_EXPIRED', `expiresAt ${expiresAt} is not in the future`);
  }
  const record: ProcessTokenRecord = {
    id: `pt_${randomId(deps)}`,
    tenantId,
    name,
    processDefnName,
    processDefnVersion,
    type,
    parameters,
    expiresAt,
    createdAt: new Date(deps.now()).toISOString(),
    usedAt: null,
  };
  await deps.records.processTokens.insert(record);
  return { ...record, startProcessAddress: startAddress(deps.publicUrl, record.id) };
}

export const startAddress = (publicUrl: string, tokenId: string) => `${publicUrl}/start/${tokenId}`;
