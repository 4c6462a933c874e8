import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { checkCredentialEnvelope } from '../checkCredentialEnvelope';
import { decodeBase64url } from '../decodeBase64url';
import { type AuthenticationRefusal, authenticationRefusal } from './authenticationRefusal';

export type CheckedAssertion = {
  ok: true;
  response: AuthenticationResponseJSON;
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
};

const malformed = (path: string, message: string) =>
  authenticationRefusal('RESPONSE_MALFORMED', message, path);

/**
 * The JSON shape of an AuthenticationResponseJSON (WebAuthn L3 §5.1, toJSON()), member by member
 * (the members every credential has: checkCredentialEnvelope).
 * The HTTP schema checks the same, but a flow can hand in any JSON value, so nothing past this
 * point may assume a type it did not check.
 */
export function checkAuthenticationResponseShape(
  response: unknown,
): CheckedAssertion | AuthenticationRefusal {
  const envelope = checkCredentialEnvelope(response);
  if (!envelope.ok) return malformed(envelope.path, envelope.message);
  const { body, clientDataJSON } = envelope;
  const authenticatorData = decodeBase64url(body.authenticatorData);
  if (!authenticatorData?.length) {
    return malformed('/response/authenticatorData', 'is not a non-empty base64url string');
  }
  if (!decodeBase64url(body.signature)?.length) {
    return malformed('/response/signature', 'is not a non-empty base64url string');
  }
  // L3 §5.2.2: userHandle is null or absent when the authenticator returned none.
  if (body.userHandle !== undefined && body.userHandle !== null) {
    if (!decodeBase64url(body.userHandle)?.length) {
      return malformed('/response/userHandle', 'is not a non-empty base64url string');
    }
  }
  return {
    ok: true,
    response: response as unknown as AuthenticationResponseJSON,
    clientDataJSON,
    authenticatorData,
  };
}
