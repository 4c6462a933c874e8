import { IdentityError, isRegistrationFailureCode } from '../../../identity/IdentityError';
import { registrationsOf } from '../registrations/registrationsOf';
import type { AutomaticActivity } from './Activity';
import { bool, failureOf, str } from './inputOf';

/**
 * Complete the registration with the browser's response (by default, what the form captured).
 * A refused response is the user's to retry (`verificationFailed`); any other failure is the
 * journey's.
 */
export const completePasskeyRegistrationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.registrationKey) ?? 'passkeyReg1';
    try {
      // Any JSON value: the identity layer checks its shape (and counts a malformed one).
      const completed = await registrationsOf(deps, instance).complete(key, inputs.browserResponse);
      if (completed === 'noResponse') {
        const failure = {
          code: 'USER_CANCELLED',
          message: 'no browser response to complete with',
          registrationKey: key,
        };
        return { event: 'userCancelled', ...(bool(inputs.failCheckOnCancel) ? { failure } : {}) };
      }
      if (completed !== 'completed') return completed.leave;
      // A successful attempt supersedes the failed attempts of the same registration.
      instance.failures = instance.failures.filter((f) => f.registrationKey !== key);
      return {};
    } catch (error) {
      const verification = error instanceof IdentityError && isRegistrationFailureCode(error.code);
      return {
        event: verification ? 'verificationFailed' : 'failedIdStoreCall',
        failure: failureOf(error, key),
      };
    }
  },
};
