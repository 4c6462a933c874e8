import { Type } from 'typebox';
import { Strict } from './common';

/** What signing in to the console takes: an API token, and for a root token the tenant. */
export const ConsoleSignIn = Strict({
  token: Type.String({
    minLength: 16,
    maxLength: 512,
    pattern: '^[A-Za-z0-9_.~+/=-]+$',
    description: 'an API token (root or tenant); exchanged once, never stored',
  }),
  tenantId: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
      description:
        "the tenant a root token's console acts in (default `default`); a tenant token acts in its own",
    }),
  ),
});

/** Who the console session is. */
export const ConsoleSession = Type.Object({
  tokenId: Type.String(),
  tokenName: Type.String(),
  tenantId: Type.String(),
  root: Type.Boolean({ description: 'a root token: may act in every tenant (one per session)' }),
  permissions: Type.Array(Type.String(), { description: "the token's grants; empty for root" }),
  expiresAt: Type.String({ format: 'date-time' }),
});
