import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { PasskeyRequest } from './PageProtocol';

const unpadded = (value: string) => value.replace(/=+$/, '');

/**
 * Whether a page's passkey request is for the options the server issued for this step: the
 * same challenge (unique per issue), and the same RP and user where the page names them.
 * The host then runs the server's options, never the page's.
 */
export function matchPasskeyRequest({
  request,
  creationOptions,
}: {
  request: PasskeyRequest;
  creationOptions: PublicKeyCredentialCreationOptionsJSON;
}): { ok: true } | { ok: false; message: string } {
  if (unpadded(request.challenge) !== unpadded(creationOptions.challenge)) {
    return { ok: false, message: 'the challenge is not the one issued for this step' };
  }
  if (request.rpId !== undefined && request.rpId !== creationOptions.rp.id) {
    return { ok: false, message: `rp.id '${request.rpId}' is not this step's RP` };
  }
  if (
    request.userId !== undefined &&
    unpadded(request.userId) !== unpadded(creationOptions.user.id)
  ) {
    return { ok: false, message: "user.id is not this step's user" };
  }
  return { ok: true };
}
