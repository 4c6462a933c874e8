import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { classifyWebAuthnError } from '../passkey/classifyWebAuthnError';
import type { RedeemedLink } from './BindingApi';
import { BindPasskeyError } from './BindPasskeyError';
import type { BindingClient } from './createBindingClient';
import type { BindLink } from './parseBindUrl';
import { toPasskey } from './toPasskey';

export type StartRegistration = (opts: {
  optionsJSON: PublicKeyCredentialCreationOptionsJSON;
}) => Promise<RegistrationResponseJSON>;

/**
 * The second half of a binding: run the ceremony with the redeemed options and complete the job.
 * Kept apart from redeeming so the hosted page can offer "Try again" after a cancelled prompt
 * without spending a link that is already spent.
 */
export async function finishBinding({
  link,
  redeemed,
  client,
  startRegistration,
  now = () => Date.now(),
}: {
  link: BindLink;
  redeemed: RedeemedLink;
  client: BindingClient;
  startRegistration: StartRegistration;
  now?: () => number;
}) {
  const startedAt = now();
  let response: RegistrationResponseJSON;
  try {
    response = await startRegistration({ optionsJSON: redeemed.creation_options });
  } catch (error) {
    const code = classifyWebAuthnError(error, {
      elapsedMs: now() - startedAt,
      timeoutMs: redeemed.creation_options.timeout ?? null,
    });
    throw new BindPasskeyError(code, `the passkey was not created (${code})`, { cause: error });
  }
  const completed = await client.complete(link, redeemed.completion_token, response);
  return toPasskey(completed);
}
