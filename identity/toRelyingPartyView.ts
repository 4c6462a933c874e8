import type { RelyingPartyRecord } from '../storage/IdentityDefinitions';
import { authenticationPoliciesOf } from './normalizeAuthenticationPolicy';

/** A relying party as the API shows it: sign-in policies always present (the defaults if unset). */
export function toRelyingPartyView(rp: RelyingPartyRecord) {
  return { ...rp, authenticationPolicies: authenticationPoliciesOf(rp) };
}
