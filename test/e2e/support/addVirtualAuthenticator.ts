import type { Page } from 'playwright-core';

/**
 * A CDP virtual authenticator on `page`: CTAP2, internal (platform), resident keys, user
 * verification. `isUserVerified: false` makes a UV-required create() fail with NotAllowedError,
 * the same error a user's cancel gives (DESIGN §10).
 */
export async function addVirtualAuthenticator(
  page: Page,
  { isUserVerified = true }: { isUserVerified?: boolean } = {},
) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified,
      automaticPresenceSimulation: true,
    },
  });
  return {
    authenticatorId,
    setUserVerified: (value: boolean) =>
      cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: value }),
    /** false: a prompt waits for a touch that never comes (until it is cancelled or times out). */
    setPresence: (enabled: boolean) =>
      cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled }),
    credentials: async () =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}
