import type { BindErrorCode } from './BindPasskeyError';

/** What the hosted page says for each failure, and whether trying again can help. */
export function describeBindError(code: BindErrorCode): { title: string; message: string } {
  switch (code) {
    case 'cancelled':
    case 'timedOut':
      return {
        title: 'No passkey was created',
        message: 'The request was cancelled or timed out. You can try again.',
      };
    case 'alreadyRegistered':
      return {
        title: 'This device already has your passkey',
        message: 'You can sign in with it. To add another device, open a new link there.',
      };
    case 'usedLink':
      return {
        title: 'This link was already used',
        message: 'Ask for a new link to add a passkey.',
      };
    case 'expiredLink':
      return { title: 'This link has expired', message: 'Ask for a new link to add a passkey.' };
    case 'revokedLink':
      return { title: 'This link was withdrawn', message: 'Ask for a new link to add a passkey.' };
    case 'invalidLink':
    case 'domainNotAllowed':
    case 'originNotTrusted':
      return { title: 'This link does not work', message: 'Check the link, or ask for a new one.' };
    case 'notSupported':
    case 'securityError':
      return {
        title: 'This browser cannot create the passkey',
        message: 'Open the link in an up-to-date browser on this device, or on another device.',
      };
    case 'identitySuspended':
      return {
        title: 'This account is suspended',
        message: 'Contact the service that sent the link.',
      };
    default:
      return {
        title: 'The passkey could not be created',
        message: 'Something went wrong. Try again in a moment.',
      };
  }
}
