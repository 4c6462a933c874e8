import type { AuthenticationPolicy, RelyingPartyRecord } from '../storage/IdentityDefinitions';

/** Every policy field is optional; these are the defaults of DESIGN §4b. */
export const defaultAuthenticationPolicy: AuthenticationPolicy = {
  userVerification: 'required',
  timeoutSeconds: 300,
  maxAttempts: 3,
  hints: [],
  discoverable: 'allowed',
  allowCrossOrigin: false,
  onCounterRegression: 'refuse',
};

/** Fill a partial policy with the defaults. */
export function normalizeAuthenticationPolicy(
  input: Partial<AuthenticationPolicy>,
): AuthenticationPolicy {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { ...defaultAuthenticationPolicy, ...defined };
}

/**
 * The RP's sign-in policies: an RP saved without any (or before sign-in existed) has one,
 * `default`, with every default, as a registration-only RP can sign its users in unconfigured.
 */
export function authenticationPoliciesOf(
  rp: Pick<RelyingPartyRecord, 'authenticationPolicies'>,
): Record<string, AuthenticationPolicy> {
  return rp.authenticationPolicies ?? { default: defaultAuthenticationPolicy };
}
