import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { classifyWebAuthnError } from '../passkey/classifyWebAuthnError';
import type { PasskeyFailure } from './PageProtocol';

/**
 * Runs the ceremony a page asked for (the page's opaque origin cannot) and says what to
 * answer: the browser's response, or a classified failure with the DOMException name the
 * page's create() should reject with. The browser calls are passed in, as in runPasskeyCeremony.
 */
export async function createPasskeyForPage({
  creationOptions,
  startRegistration,
  browserSupportsWebAuthn,
  now = () => Date.now(),
}: {
  creationOptions: PublicKeyCredentialCreationOptionsJSON;
  startRegistration: (opts: {
    optionsJSON: PublicKeyCredentialCreationOptionsJSON;
  }) => Promise<RegistrationResponseJSON>;
  browserSupportsWebAuthn: () => boolean;
  now?: () => number;
}): Promise<
  { ok: true; response: RegistrationResponseJSON } | { ok: false; error: PasskeyFailure }
> {
  if (!browserSupportsWebAuthn()) {
    return {
      ok: false,
      error: {
        reason: 'notSupported',
        name: 'NotSupportedError',
        message: 'this browser cannot create passkeys',
        fields: [],
      },
    };
  }
  const startedAt = now();
  try {
    return { ok: true, response: await startRegistration({ optionsJSON: creationOptions }) };
  } catch (error) {
    const reason = classifyWebAuthnError(error, {
      elapsedMs: now() - startedAt,
      timeoutMs: creationOptions.timeout ?? null,
    });
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    return {
      ok: false,
      error: {
        reason,
        name: typeof name === 'string' && name !== 'Error' ? name : 'NotAllowedError',
        message: typeof message === 'string' ? message : 'the passkey was not created',
        fields: [],
      },
    };
  }
}
