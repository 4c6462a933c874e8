import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import { type PasskeyCeremony, runPasskeyCeremony } from '../passkey/runPasskeyCeremony';
import type { PasskeyFailure } from './PageProtocol';

/**
 * Runs the ceremony a page asked for (the page's opaque origin cannot) and says what to
 * answer: the browser's response, or the classified failure with the DOMException name the
 * page's create() should reject with.
 */
export async function createPasskeyForPage(
  ceremony: PasskeyCeremony,
): Promise<
  { ok: true; response: RegistrationResponseJSON } | { ok: false; error: PasskeyFailure }
> {
  const result = await runPasskeyCeremony(ceremony);
  if (result.ok) return result;
  const { name, message } = (result.error ?? {}) as { name?: unknown; message?: unknown };
  return {
    ok: false,
    error: {
      reason: result.reason,
      name: typeof name === 'string' && name !== 'Error' ? name : 'NotAllowedError',
      message: typeof message === 'string' ? message : 'the passkey was not created',
      fields: [],
    },
  };
}
