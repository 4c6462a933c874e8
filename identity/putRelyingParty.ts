import { isoNow } from '../core/isoNow';
import type {
  AuthenticationPolicy,
  RegistrationPolicy,
  RelyingPartyRecord,
} from '../storage/IdentityDefinitions';
import { checkOrigins } from './checkOrigins';
import type { IdentityDeps } from './IdentityDeps';
import { IdentityError, invalidField } from './IdentityError';
import { normalizeAuthenticationPolicy } from './normalizeAuthenticationPolicy';
import { normalizeRegistrationPolicy } from './normalizeRegistrationPolicy';

/**
 * Create or replace a relying party of the tenant with its registration and authentication
 * policies; without authentication policies it gets one, `default`, with every default.
 */
export async function putRelyingParty(
  deps: IdentityDeps,
  {
    tenantId,
    rpId,
    name,
    origins = [`https://${rpId}`],
    registrationPolicies = {},
    authenticationPolicies = { default: {} },
  }: {
    tenantId: string;
    rpId: string;
    name: string;
    origins?: string[];
    registrationPolicies?: Record<string, Partial<RegistrationPolicy>>;
    authenticationPolicies?: Record<string, Partial<AuthenticationPolicy>>;
  },
) {
  // An IP address or a name with a scheme is never a valid RP ID (WebAuthn L3 §5.1.3).
  if (/^[\d.]+$/.test(rpId) || rpId.includes(':')) {
    throw invalidField('/rpId', `'${rpId}' is not a domain name`);
  }
  checkOrigins(rpId, origins);
  const policies: Record<string, RegistrationPolicy> = {};
  for (const [policyName, policy] of Object.entries(registrationPolicies)) {
    policies[policyName] = normalizeRegistrationPolicy(policy);
  }
  const signIn: Record<string, AuthenticationPolicy> = {};
  for (const [policyName, policy] of Object.entries(authenticationPolicies)) {
    signIn[policyName] = normalizeAuthenticationPolicy(policy);
  }
  const now = isoNow(deps);
  return deps.definitions.update((draft) => {
    if (!draft.tenants.some((t) => t.id === tenantId)) {
      throw new IdentityError('TENANT_NOT_FOUND', `tenant '${tenantId}' does not exist`);
    }
    const index = draft.relyingParties.findIndex((r) => r.tenantId === tenantId && r.rpId === rpId);
    const existing = draft.relyingParties[index];
    const record: RelyingPartyRecord = {
      id: rpId,
      tenantId,
      rpId,
      name,
      origins,
      registrationPolicies: policies,
      authenticationPolicies: signIn,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing) draft.relyingParties[index] = record;
    else draft.relyingParties.push(record);
    return { record, created: !existing };
  });
}
