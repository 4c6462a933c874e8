import { isoNow } from '../../core/isoNow';
import { randomId } from '../../core/randomId';
import { hashSecret } from '../../identity/hashSecret';
import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { ProcessTokenRecord } from '../../storage/ProcessTokenRecord';
import { findProcessDefinition } from '../definition/findProcessDefinition';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';
import { advanceInstance } from './advanceInstance';

/**
 * Start an instance from a process token. The browser gets a capability (cookie); an API
 * caller gets a single-use entry secret for the link it hands on, redeemed for a capability.
 * Returns the instance at its first step, its definition (to render that step) and the secret.
 */
export async function startProcessInstance(
  deps: RuntimeDeps,
  {
    processTokenId,
    tenantId,
    via,
  }: { processTokenId: string; tenantId?: string; via: 'browser' | 'api' },
) {
  const token = await deps.records.processTokens.find({ tenantId, id: processTokenId });
  if (!token) throw new RuntimeError('PROCESS_TOKEN_NOT_FOUND', 'this start link is not known');
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= deps.now()) {
    throw new RuntimeError('PROCESS_TOKEN_EXPIRED', 'this start link has expired');
  }
  const claim = { id: token.id, usedAt: isoNow(deps) };
  // One row's compare-and-set: a second start of the same single-use link finds it used.
  if (token.type === 'SINGLE_USE' && !(await deps.records.processTokens.claim(claim))) {
    throw new RuntimeError('PROCESS_TOKEN_USED', 'this start link was already used');
  }
  try {
    return await createInstance(deps, token, via);
  } catch (error) {
    // No instance came of it, whatever failed: the single-use link was not used, so it is
    // handed back rather than burned (only this claim's own stamp is cleared).
    if (token.type === 'SINGLE_USE') {
      await deps.records.processTokens.handBack(claim).catch(() => undefined);
    }
    throw error;
  }
}

async function createInstance(
  deps: RuntimeDeps,
  token: ProcessTokenRecord,
  via: 'browser' | 'api',
) {
  const definition = findProcessDefinition(deps, {
    tenantId: token.tenantId,
    name: token.processDefnName,
    version: token.processDefnVersion,
  });
  const secret = randomId(deps, 256);
  const now = deps.now();
  const instance: InstanceRecord = {
    id: randomId(deps),
    tenantId: token.tenantId,
    definitionName: definition.name,
    definitionVersion: definition.version,
    processTokenId: token.id,
    state: 'RUNNING',
    cursor: definition.definition.start,
    step: null,
    context: {
      _parameters: structuredClone(token.parameters),
      _processToken: { id: token.id, name: token.name },
    },
    internal: { registrations: {} },
    history: [],
    visits: {},
    failures: [],
    decision: null,
    capabilityHash: via === 'browser' ? hashSecret(secret) : null,
    entryHash: via === 'api' ? hashSecret(secret) : null,
    expiresAt: now + (deps.instanceTtlMs ?? 48 * 3_600_000),
    createdAt: isoNow(deps),
    updatedAt: isoNow(deps),
    revision: 0,
  };
  await advanceInstance(deps, instance, definition.definition);
  await deps.records.instances.insert(instance);
  return { instance, definition: definition.definition, secret };
}
