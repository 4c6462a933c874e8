import { isoNow } from '../../core/isoNow';
import { randomId } from '../../core/randomId';
import { hashSecret } from '../../identity/hashSecret';
import { matchesHash } from '../../identity/matchesHash';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';

/**
 * Exchange the single-use entry secret of an API-created instance for a browser capability.
 * The secret in the URL is dead afterwards, so a link left in a history or a log opens nothing.
 */
export async function redeemEntry(
  deps: RuntimeDeps,
  { instanceId, entry }: { instanceId: string; entry: string },
) {
  const instance = await deps.records.instances.find({ id: instanceId });
  if (!instance?.entryHash || !matchesHash(entry, instance.entryHash)) {
    throw new RuntimeError('CAPABILITY_INVALID', 'this link was already opened or is not valid');
  }
  if (deps.now() >= instance.expiresAt)
    throw new RuntimeError('INSTANCE_EXPIRED', 'this registration link has expired');
  const capability = randomId(deps, 256);
  const saved = await deps.records.instances.save({
    ...instance,
    entryHash: null,
    capabilityHash: hashSecret(capability),
    updatedAt: isoNow(deps),
  });
  if (!saved) throw new RuntimeError('CAPABILITY_INVALID', 'this link was already opened');
  return { capability };
}
