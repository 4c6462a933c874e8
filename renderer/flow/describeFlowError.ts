import type { FlowError } from './FlowError';

export type ErrorAction =
  | { kind: 'retry'; label: string }
  | { kind: 'loadCurrentStep'; label: string }
  | { kind: 'startAgain'; label: string; href: string };

export interface ErrorDescription {
  title: string;
  message: string;
  action: ErrorAction | null;
}

/**
 * The words and the one useful next action for each kind of failure. `startLink` is where
 * this journey began (`/start/…`), when this browser still knows it.
 */
export function describeFlowError({
  error,
  startLink = null,
}: {
  error: FlowError;
  startLink?: string | null;
}): ErrorDescription {
  const retry: ErrorAction = { kind: 'retry', label: 'Try again' };
  const startAgain: ErrorAction | null =
    startLink === null ? null : { kind: 'startAgain', label: 'Start again', href: startLink };
  switch (error.kind) {
    case 'stale':
      return {
        title: 'This page is out of date',
        message: 'This page is out of date — another tab or window moved on.',
        action: { kind: 'loadCurrentStep', label: 'Load the current step' },
      };
    case 'conflict':
      return {
        title: 'This step was already completed',
        message: 'This step can no longer be changed. Load the current step to continue.',
        action: { kind: 'loadCurrentStep', label: 'Load the current step' },
      };
    case 'expired':
      return {
        title: 'This link has expired',
        message:
          startAgain === null
            ? 'Too much time has passed. Ask for a new link to set up your passkey.'
            : 'Too much time has passed. Start again to set up your passkey.',
        action: startAgain,
      };
    case 'notFound':
      return {
        title: 'This link is not valid',
        message:
          'The link may be mistyped, already used, or withdrawn. Check it, or ask for a new link.',
        action: null,
      };
    case 'capability':
      return {
        title: 'Continue in the browser you started in',
        message:
          startAgain === null
            ? 'This registration was started in another browser. Open the link in the browser where you started it, or ask for a new link.'
            : 'This browser cannot continue this registration. Open the link in the browser where you started it, or start again here.',
        action: startAgain,
      };
    case 'rateLimited':
      return {
        title: 'Too many attempts',
        message:
          error.retryAfterSeconds === null
            ? 'Please wait a moment, then try again.'
            : `Please wait ${error.retryAfterSeconds} seconds, then try again.`,
        action: retry,
      };
    case 'network':
      return {
        title: 'Cannot reach the server',
        message: 'Check your internet connection, then try again.',
        action: retry,
      };
    case 'server':
      return {
        title: 'Something went wrong on our side',
        message: 'The server could not handle the request. Please try again in a moment.',
        action: retry,
      };
    case 'formInvalid':
      return {
        title: 'Please check your entries',
        message: 'Some entries were not accepted. Correct them and submit again.',
        action: null,
      };
    case 'unexpected':
      return {
        title: 'Something went wrong',
        message: 'The server gave an answer this page did not expect. Please try again.',
        action: retry,
      };
  }
}
