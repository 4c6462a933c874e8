import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { StepAction } from '../../runtime/engine/StepView';
import { classifyWebAuthnError } from './classifyWebAuthnError';

/**
 * Runs navigator.credentials.create() (through SimpleWebAuthn) and says what to post for
 * the step: the browser's response, or a cancel with the classified reason. The browser
 * calls are passed in so this stays testable without a browser.
 */
export async function runPasskeyCeremony({
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
}): Promise<StepAction> {
  // Without WebAuthn there is no prompt to wait for; tell the server at once.
  if (!browserSupportsWebAuthn()) return { action: 'cancel', reason: 'notSupported' };
  const startedAt = now();
  try {
    const browserResponse = await startRegistration({ optionsJSON: creationOptions });
    return { action: 'submit', browserResponse };
  } catch (error) {
    const reason = classifyWebAuthnError(error, {
      elapsedMs: now() - startedAt,
      timeoutMs: creationOptions.timeout ?? null,
    });
    return { action: 'cancel', reason };
  }
}
