import { findRelyingParty } from './findRelyingParty';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';
import { authenticationPoliciesOf } from './normalizeAuthenticationPolicy';

/** The tenant's RP and its sign-in policy `policyName` (POLICY_NOT_FOUND when it has none). */
export function findAuthenticationPolicy(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, rpId, policyName }: { tenantId: string; rpId: string; policyName: string },
) {
  const rp = findRelyingParty(deps, { tenantId, rpId });
  const policies = authenticationPoliciesOf(rp);
  const policy = Object.hasOwn(policies, policyName) ? policies[policyName] : undefined;
  if (!policy) {
    throw new IdentityError(
      'POLICY_NOT_FOUND',
      `authentication policy '${policyName}' not found on relying party '${rpId}'`,
    );
  }
  return { rp, policy };
}
