import type { RegistrationPolicy } from '../storage/IdentityDefinitions';

/** Every policy field is optional; these are the defaults of DESIGN §4. */
export const defaultRegistrationPolicy: RegistrationPolicy = {
  userVerification: 'required',
  residentKey: 'required',
  authenticatorAttachment: null,
  attestation: 'none',
  allowedAttestationFormats: ['none', 'packed'],
  supportedAlgorithms: [-7, -257],
  timeoutSeconds: 300,
  maxAttempts: 3,
  excludeExistingCredentials: true,
  allowedAaguids: null,
  allowCrossOrigin: false,
};

/** Fill a partial policy with the defaults; AAGUIDs are compared lower-case. */
export function normalizeRegistrationPolicy(
  input: Partial<RegistrationPolicy>,
): RegistrationPolicy {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const policy = { ...defaultRegistrationPolicy, ...defined };
  return {
    ...policy,
    allowedAaguids: policy.allowedAaguids?.map((a) => a.toLowerCase()) ?? null,
  };
}
