import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { completePasskeyRegistration } from '../../identity/completePasskeyRegistration';
import { IdentityError, type RegistrationFailureCode } from '../../identity/IdentityError';
import { registrationRecord } from '../contextPaths';
import type { AutomaticActivity } from './Activity';
import { bool, failureOf, str } from './inputOf';
import type { RegistrationRequest } from './issueRegistration';

const verificationCodes: ReadonlySet<string> = new Set<RegistrationFailureCode>([
  'RESPONSE_MALFORMED',
  'CHALLENGE_MISMATCH',
  'ORIGIN_NOT_ALLOWED',
  'CROSS_ORIGIN_NOT_ALLOWED',
  'RP_ID_MISMATCH',
  'CLIENT_DATA_TYPE_MISMATCH',
  'USER_PRESENCE_REQUIRED',
  'USER_VERIFICATION_REQUIRED',
  'ALGORITHM_NOT_ALLOWED',
  'ATTESTATION_FORMAT_NOT_ALLOWED',
  'AAGUID_NOT_ALLOWED',
  'CREDENTIAL_ID_MISMATCH',
  'CREDENTIAL_ID_TOO_LONG',
  'CREDENTIAL_ALREADY_REGISTERED',
  'ATTESTATION_INVALID',
]);

/** Complete the registration with the browser's response (by default, what the form captured). */
export const completePasskeyRegistrationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.registrationKey) ?? 'passkeyReg1';
    const record = registrationRecord(instance.context, key);
    const started = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
    const request = record.request as RegistrationRequest | undefined;
    const response = (inputs.browserResponse ?? record.browserResponse) as
      | RegistrationResponseJSON
      | undefined;
    if (!started?.sessionId || !request) {
      return {
        event: 'failedIdStoreCall',
        failure: {
          code: 'REGISTRATION_NOT_STARTED',
          message: `no registration '${key}' was started`,
          registrationKey: key,
        },
      };
    }
    if (!response || typeof response !== 'object') {
      const failure = {
        code: 'USER_CANCELLED',
        message: 'no browser response to complete with',
        registrationKey: key,
      };
      return { event: 'userCancelled', ...(bool(inputs.failCheckOnCancel) ? { failure } : {}) };
    }
    try {
      const result = await completePasskeyRegistration(deps, {
        tenantId: instance.tenantId,
        storeName: request.storeName,
        sessionId: started.sessionId,
        response,
      });
      record.completePasskeyRegistrationResponse = result;
      // A successful attempt supersedes the failed attempts of the same registration.
      instance.failures = instance.failures.filter((f) => f.registrationKey !== key);
      return {};
    } catch (error) {
      const verification = error instanceof IdentityError && verificationCodes.has(error.code);
      return {
        event: verification ? 'verificationFailed' : 'failedIdStoreCall',
        failure: failureOf(error, key),
      };
    }
  },
};
