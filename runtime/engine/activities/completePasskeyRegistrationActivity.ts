import { completePasskeyRegistration } from '../../../identity/completePasskeyRegistration';
import { IdentityError, registrationFailureCodes } from '../../../identity/IdentityError';
import { registrationRecord } from '../contextPaths';
import type { AutomaticActivity } from './Activity';
import { bool, failureOf, str } from './inputOf';
import type { RegistrationRequest } from './issueRegistration';

/** A refused response is the user's to retry; any other failure is the journey's. */
const verificationCodes: ReadonlySet<string> = new Set(registrationFailureCodes);

/** Complete the registration with the browser's response (by default, what the form captured). */
export const completePasskeyRegistrationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.registrationKey) ?? 'passkeyReg1';
    const record = registrationRecord(instance.context, key);
    const started = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
    const request = record.request as RegistrationRequest | undefined;
    // Any JSON value: the identity layer checks its shape (and counts a malformed one).
    const response: unknown = inputs.browserResponse ?? record.browserResponse;
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
