import type { IdentityDeps } from './IdentityDeps';
import { IdentityError } from './IdentityError';

/** The tenant's relying party `rpId` — never another tenant's, whose origins are not ours. */
export function findRelyingParty(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, rpId }: { tenantId: string; rpId: string },
) {
  const rp = deps.definitions
    .read()
    .relyingParties.find((r) => r.tenantId === tenantId && r.rpId === rpId);
  if (!rp) throw new IdentityError('RELYING_PARTY_NOT_FOUND', `relying party '${rpId}' not found`);
  return rp;
}

/** The RP and its policy `policyName`. */
export function findRegistrationPolicy(
  deps: Pick<IdentityDeps, 'definitions'>,
  { tenantId, rpId, policyName }: { tenantId: string; rpId: string; policyName: string },
) {
  const rp = findRelyingParty(deps, { tenantId, rpId });
  const policy = Object.hasOwn(rp.registrationPolicies, policyName)
    ? rp.registrationPolicies[policyName]
    : undefined;
  if (!policy) {
    throw new IdentityError(
      'POLICY_NOT_FOUND',
      `registration policy '${policyName}' not found on relying party '${rpId}'`,
    );
  }
  return { rp, policy };
}

export function listRelyingParties(deps: Pick<IdentityDeps, 'definitions'>, tenantId: string) {
  return deps.definitions.read().relyingParties.filter((r) => r.tenantId === tenantId);
}
