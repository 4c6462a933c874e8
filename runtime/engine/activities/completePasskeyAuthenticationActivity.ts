import { IdentityError, isAuthenticationFailureCode } from '../../../identity/IdentityError';
import { authenticationsOf } from '../authentications/authenticationsOf';
import type { AutomaticActivity } from './Activity';
import { failureOf, str } from './inputOf';

/** The renderer's cancel reason when the browser had no passkey for the site to offer. */
export const noPasskeyReason = 'noPasskey';

/**
 * Complete the sign-in with the browser's response (by default, what the sign-in form
 * captured). No response: `noPasskey` when the browser had none for the site, else
 * `userCancelled`. A refused response, or a session that expired while the form showed, is the
 * user's to retry (`verificationFailed`); any other failure is the journey's.
 */
export const completePasskeyAuthenticationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.authenticationKey) ?? 'passkeyAuth1';
    const authentications = authenticationsOf(deps, instance);
    try {
      // Any JSON value: the identity layer checks its shape (and counts a malformed one).
      const completed = await authentications.complete(key, inputs.browserResponse);
      if (completed === 'noResponse') {
        await authentications.cancel(key);
        const none = authentications.declined(key) === noPasskeyReason;
        return { event: none ? 'noPasskey' : 'userCancelled' };
      }
      if (completed !== 'completed') return completed.leave;
      // A successful attempt supersedes the failed attempts of the same sign-in.
      instance.failures = instance.failures.filter((f) => f.registrationKey !== key);
      return {};
    } catch (error) {
      const retryable =
        error instanceof IdentityError &&
        (isAuthenticationFailureCode(error.code) || error.code === 'SESSION_EXPIRED');
      return {
        event: retryable ? 'verificationFailed' : 'failedIdStoreCall',
        failure: failureOf(error, key),
      };
    }
  },
};
