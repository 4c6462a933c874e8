/** How authentication links refuse, beside the sign-in session's own codes (IdentityError). */
export const authenticationLinkErrorCodes = [
  /** No session has this link's secret: mistyped, made up, or its session purged. */
  'AUTHENTICATION_LINK_INVALID',
  /** The link's sign-in has completed: it cannot be redeemed again. */
  'AUTHENTICATION_LINK_USED',
] as const;
export type AuthenticationLinkErrorCode = (typeof authenticationLinkErrorCodes)[number];
