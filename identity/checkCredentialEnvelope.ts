import { decodeBase64url } from './decodeBase64url';

/** Where a credential's JSON is malformed: a JSON pointer into it and what is wrong there. */
export type EnvelopeFault = { ok: false; path: string; message: string };

export type CheckedEnvelope = {
  ok: true;
  /** `response.response`: the ceremony's own members, for the caller to check. */
  body: Record<string, unknown>;
  clientDataJSON: Uint8Array;
};

const fault = (path: string, message: string): EnvelopeFault => ({ ok: false, path, message });
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The members a RegistrationResponseJSON and an AuthenticationResponseJSON share (WebAuthn L3
 * §5.1, toJSON()): id, rawId, type, response.clientDataJSON, clientExtensionResults and
 * authenticatorAttachment, member by member. Each ceremony checks its own members of `body`.
 */
export function checkCredentialEnvelope(response: unknown): CheckedEnvelope | EnvelopeFault {
  if (!isRecord(response)) return fault('/', 'the response is not a JSON object');
  if (!decodeBase64url(response.id)?.length) {
    return fault('/id', 'is not a non-empty base64url string');
  }
  if (response.rawId !== response.id) {
    return fault('/rawId', 'must be the same base64url string as id');
  }
  if (response.type !== 'public-key') return fault('/type', "is not 'public-key'");
  const body = response.response;
  if (!isRecord(body)) return fault('/response', 'is not a JSON object');
  const clientDataJSON = decodeBase64url(body.clientDataJSON);
  if (!clientDataJSON?.length) {
    return fault('/response/clientDataJSON', 'is not a non-empty base64url string');
  }
  if (!isRecord(response.clientExtensionResults)) {
    return fault('/clientExtensionResults', 'is not a JSON object');
  }
  const attachment = response.authenticatorAttachment;
  if (attachment !== undefined && attachment !== 'platform' && attachment !== 'cross-platform') {
    return fault('/authenticatorAttachment', "is not 'platform' or 'cross-platform'");
  }
  return { ok: true, body, clientDataJSON };
}
