import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { type CancelReason, classifyWebAuthnError } from './classifyWebAuthnError';

/** SimpleWebAuthn's startRegistration(), as the ceremony calls it (a stand-in under test). */
export type StartRegistration = (opts: {
  optionsJSON: PublicKeyCredentialCreationOptionsJSON;
}) => Promise<RegistrationResponseJSON>;

/** What a ceremony needs: the server's options and the browser's calls. */
export interface PasskeyCeremony {
  creationOptions: PublicKeyCredentialCreationOptionsJSON;
  startRegistration: StartRegistration;
  browserSupportsWebAuthn: () => boolean;
  now?: () => number;
}

/** How a ceremony ended: the browser's response, or why there is none and what was thrown. */
export type PasskeyCeremonyResult =
  | { ok: true; response: RegistrationResponseJSON }
  | { ok: false; reason: CancelReason; error: unknown };

/**
 * The one WebAuthn registration ceremony of the renderer (the flow's passkey step, a custom
 * page's request, a binding): navigator.credentials.create() through SimpleWebAuthn with the
 * server's options, its failure classified. The browser calls are passed in so this stays
 * testable without a browser.
 */
export async function runPasskeyCeremony({
  creationOptions,
  startRegistration,
  browserSupportsWebAuthn,
  now = () => Date.now(),
}: PasskeyCeremony): Promise<PasskeyCeremonyResult> {
  // Without WebAuthn there is no prompt to wait for: fail at once, as the browser would.
  if (!browserSupportsWebAuthn()) {
    const error = new DOMException('this browser cannot create passkeys', 'NotSupportedError');
    return { ok: false, reason: 'notSupported', error };
  }
  const startedAt = now();
  try {
    return { ok: true, response: await startRegistration({ optionsJSON: creationOptions }) };
  } catch (error) {
    const reason = classifyWebAuthnError(error, {
      elapsedMs: now() - startedAt,
      timeoutMs: creationOptions.timeout ?? null,
    });
    return { ok: false, reason, error };
  }
}
