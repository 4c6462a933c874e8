import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { type CancelReason, classifyWebAuthnError } from './classifyWebAuthnError';

/** SimpleWebAuthn's startRegistration(), as the ceremony calls it (a stand-in under test). */
export type StartRegistration = (opts: {
  optionsJSON: PublicKeyCredentialCreationOptionsJSON;
}) => Promise<RegistrationResponseJSON>;

/** SimpleWebAuthn's startAuthentication(), as the ceremony calls it (a stand-in under test). */
export type StartAuthentication = (opts: {
  optionsJSON: PublicKeyCredentialRequestOptionsJSON;
  useBrowserAutofill?: boolean;
}) => Promise<AuthenticationResponseJSON>;

interface CeremonyBase {
  browserSupportsWebAuthn: () => boolean;
  now?: () => number;
}

/** What a registration ceremony needs: the server's options and the browser's calls. */
export interface PasskeyCeremony extends CeremonyBase {
  creationOptions: PublicKeyCredentialCreationOptionsJSON;
  startRegistration: StartRegistration;
}

/**
 * What a sign-in ceremony needs; `useBrowserAutofill` runs it as conditional mediation (the
 * passkey is offered in the username field's autofill instead of a prompt).
 */
export interface PasskeySignInCeremony extends CeremonyBase {
  requestOptions: PublicKeyCredentialRequestOptionsJSON;
  startAuthentication: StartAuthentication;
  useBrowserAutofill?: boolean;
}

/** How a ceremony ended: the browser's response, or why there is none and what was thrown. */
export type PasskeyCeremonyResult<R = RegistrationResponseJSON, Reason = CreateCancelReason> =
  | { ok: true; response: R }
  | { ok: false; reason: Reason; error: unknown };

/** Only a sign-in can find no passkey: creating one never gives `noPasskey`. */
export type CreateCancelReason = Exclude<CancelReason, 'noPasskey'>;

/**
 * The one WebAuthn ceremony of the renderer (the flow's passkey and sign-in steps, a custom
 * page's request, a binding): navigator.credentials.create() or .get() through SimpleWebAuthn
 * with the server's options, its failure classified. The browser calls are passed in so this
 * stays testable without a browser.
 */
export function runPasskeyCeremony(
  ceremony: PasskeyCeremony,
): Promise<PasskeyCeremonyResult<RegistrationResponseJSON>>;
export function runPasskeyCeremony(
  ceremony: PasskeySignInCeremony,
): Promise<PasskeyCeremonyResult<AuthenticationResponseJSON, CancelReason>>;
export async function runPasskeyCeremony(
  ceremony: PasskeyCeremony | PasskeySignInCeremony,
): Promise<
  PasskeyCeremonyResult<RegistrationResponseJSON | AuthenticationResponseJSON, CancelReason>
> {
  const { browserSupportsWebAuthn, now = () => Date.now() } = ceremony;
  const get = 'requestOptions' in ceremony;
  // Without WebAuthn there is no prompt to wait for: fail at once, as the browser would.
  if (!browserSupportsWebAuthn()) {
    const error = new DOMException('this browser cannot use passkeys', 'NotSupportedError');
    return { ok: false, reason: 'notSupported', error };
  }
  const startedAt = now();
  try {
    const response = get
      ? await ceremony.startAuthentication({
          optionsJSON: ceremony.requestOptions,
          ...(ceremony.useBrowserAutofill ? { useBrowserAutofill: true } : {}),
        })
      : await ceremony.startRegistration({ optionsJSON: ceremony.creationOptions });
    return { ok: true, response };
  } catch (error) {
    const options = get ? ceremony.requestOptions : ceremony.creationOptions;
    const reason = classifyWebAuthnError(error, {
      elapsedMs: now() - startedAt,
      timeoutMs: options.timeout ?? null,
      ceremony: get ? 'get' : 'create',
    });
    return { ok: false, reason, error };
  }
}
