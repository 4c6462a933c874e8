import { runPasskeyCeremony, type StartRegistration } from '../passkey/runPasskeyCeremony';
import type { RedeemedLink } from './BindingApi';
import { BindPasskeyError } from './BindPasskeyError';
import type { BindingClient } from './createBindingClient';
import type { BindLink } from './parseBindUrl';
import { toPasskey } from './toPasskey';

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
  now,
}: {
  link: BindLink;
  redeemed: RedeemedLink;
  client: BindingClient;
  startRegistration: StartRegistration;
  now?: () => number;
}) {
  const ceremony = await runPasskeyCeremony({
    creationOptions: redeemed.creation_options,
    startRegistration,
    // Both callers check before redeeming: a browser without WebAuthn would spend the link.
    browserSupportsWebAuthn: () => true,
    now,
  });
  if (!ceremony.ok) {
    const { reason: code, error } = ceremony;
    throw new BindPasskeyError(code, `the passkey was not created (${code})`, { cause: error });
  }
  const completed = await client.complete(link, redeemed.completion_token, ceremony.response);
  return toPasskey(completed);
}
