import { IdentityError } from '../../../identity/IdentityError';
import { authenticationsOf } from '../authentications/authenticationsOf';
import type { AutomaticActivity } from './Activity';
import { findNodeSubject } from './findNodeSubject';
import { failureOf, str } from './inputOf';
import { resolveRelyingParty } from './resolveRelyingParty';

/**
 * Start a passkey sign-in (TrustX's Start Passkey Authentication): for the user the node names
 * by userId, userExternalId or userKey, else usernameless (any passkey of the site's, which a
 * sign-in form may narrow to the user it names). The session is issued now: a sign-in's options
 * need nothing a form collects, and autofill needs them while the form shows.
 */
export const startPasskeyAuthenticationActivity: AutomaticActivity = {
  kind: 'automatic',
  async run({ deps, instance, inputs }) {
    const key = str(inputs.authenticationKey) ?? 'passkeyAuth1';
    const rp = resolveRelyingParty({ deps, instance, inputs }, key);
    if ('leave' in rp) return rp.leave;
    try {
      const subject = await findNodeSubject({ inputs, instance, deps });
      if (subject && 'missing' in subject) {
        throw new IdentityError(
          'USER_NOT_FOUND',
          `no user to sign in (userKey '${subject.missing}' not found)`,
        );
      }
      const challenge = str(inputs.challenge);
      await authenticationsOf(deps, instance).start(key, {
        storeName: str(inputs.storeName) ?? 'default',
        rpId: rp.rpId,
        policyName: str(inputs.authenticationPolicy) ?? 'default',
        ...(subject ? { subject } : {}),
        ...(challenge ? { challenge } : {}),
      });
      return {};
    } catch (error) {
      return { event: 'failedIdStoreCall', failure: failureOf(error, key) };
    }
  },
};
