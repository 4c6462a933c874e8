import type { ActivityContext, Outcome } from './Activity';
import { chooseDefaultRelyingParty } from './chooseDefaultRelyingParty';
import { str } from './inputOf';

/**
 * The relying party a passkey start node uses: its `relyingPartyId`, or when that resolves to
 * nothing the tenant's default one; else the node's configuration failure (`leave`), naming
 * the ceremony's key.
 */
export function resolveRelyingParty(
  { deps, instance, inputs }: Pick<ActivityContext, 'deps' | 'instance' | 'inputs'>,
  key: string,
): { rpId: string } | { leave: Outcome } {
  const named = str(inputs.relyingPartyId);
  if (named) return { rpId: named };
  const rp = chooseDefaultRelyingParty(deps, { tenantId: instance.tenantId });
  if (rp.ok) return { rpId: rp.rpId };
  const failure = {
    code: 'RELYING_PARTY_NOT_FOUND',
    message: rp.message,
    input: 'relyingPartyId',
    registrationKey: key,
  };
  return { leave: { event: 'failedIdStoreCall', failure } };
}
