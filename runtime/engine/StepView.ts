import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';

/**
 * What the end user's browser gets for the current step (the renderer's whole contract).
 * The renderer picks a screen by `component` and has a fallback for unknown ones.
 */
export type StepView =
  | FormStepView
  | PasskeyFormStepView
  | PasskeySignInStepView
  | PageStepView
  | EndStepView;

/** What every step view starts with. */
export interface StepBase {
  stepId: string;
  instanceId: string;
  /** The node's label, for the page title. */
  title?: string;
  /** The locale the texts were chosen for (from `?lang=` or Accept-Language). */
  locale: string;
}

export interface FormSpec {
  name: string;
  version: number;
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
  /** Texts for `locale`, keyed like JSON Forms i18n keys (`userName.label`, `submit`). */
  texts: Record<string, string>;
}

/** What every step that shows a JSON form carries. */
export interface FormParts {
  form: FormSpec;
  data: Record<string, unknown>;
  errors: FieldError[];
  submitLabel: string;
  hideButtons: boolean;
  delaySeconds: number;
}

export interface FieldError {
  /** JSON pointer of the field, e.g. `/userName`. */
  path: string;
  message: string;
}

export interface FormStepView extends StepBase, FormParts {
  component: 'form';
  readonly: boolean;
}

export interface PasskeyFormStepView extends StepBase, FormParts {
  component: 'passkeyForm';
  /** Set once the form data was accepted: run the WebAuthn ceremony with these options now. */
  ceremony: { creationOptions: PublicKeyCredentialCreationOptionsJSON } | null;
  /** When the registration step times out (server-enforced). */
  expiresAt: string | null;
}

export interface PasskeySignInStepView extends StepBase, FormParts {
  component: 'passkeySignIn';
  /** While the form shows: the session's options for passkey autofill (conditional mediation). */
  autofill: { requestOptions: PublicKeyCredentialRequestOptionsJSON } | null;
  /** Set once the form was submitted: run the WebAuthn ceremony with these options now. */
  ceremony: { requestOptions: PublicKeyCredentialRequestOptionsJSON } | null;
  /** When the sign-in step times out (server-enforced). */
  expiresAt: string | null;
}

export interface PageStepView extends StepBase {
  component: 'page';
  /** Where the sandboxed page is served. */
  pageUrl: string;
  constants: Record<string, unknown>;
  /**
   * On a page bound to a registration (`registrationKey`): the options the server issued. The
   * host runs the ceremony for the page only with these, and only for a request whose
   * challenge is this one.
   */
  ceremony: { creationOptions: PublicKeyCredentialCreationOptionsJSON } | null;
}

export interface EndStepView extends StepBase {
  component: 'end';
  /** `misconfigured`: the link's process or token is wrong; starting again cannot help. */
  outcome: 'success' | 'failure' | 'misconfigured';
  message: string;
  decision: string | null;
  redirectUrl: string | null;
}

/** The language a request asks for: `?lang=` first, then its Accept-Language header. */
export interface RequestLanguage {
  lang?: string | undefined;
  acceptLanguage?: string | undefined;
}

/** What the browser posts for a step. */
export type StepAction =
  | {
      action: 'submit';
      data?: Record<string, unknown>;
      parameters?: Record<string, unknown>;
      browserResponse?: unknown;
    }
  | { action: 'cancel'; reason?: string }
  | { action: 'timeout' };

/** Reasons the renderer gives for a cancel, from the browser's WebAuthn error. */
export const cancelReasons = [
  'cancelled',
  'timedOut',
  'alreadyRegistered',
  'noPasskey',
  'notSupported',
  'securityError',
  'unknown',
] as const;
