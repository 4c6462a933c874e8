import { Type } from 'typebox';
import { Base64Url, Strict } from './common';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

/** A passkey as the management routes show it (identity/toPasskeyView.ts). */
export const StoredPasskey = Type.Object({
  id: Type.String(),
  credentialId: Base64Url,
  userId: Type.String(),
  rpId: Type.String(),
  publicKey: Type.String({
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'the COSE_Key (RFC 9052 §7) as the authenticator sent it, base64url',
  }),
  alg: Type.Integer({ description: 'COSE algorithm of the key, e.g. -7 ES256, -257 RS256' }),
  aaguid: Type.String(),
  provider: Type.Union([
    Type.Object({
      name: Type.String(),
      icon: Nullable(Type.String({ description: 'SVG data URI for light backgrounds' })),
      iconDark: Nullable(Type.String({ description: 'SVG data URI for dark backgrounds' })),
    }),
    Type.Null(),
  ]),
  deviceType: Type.String({ description: 'singleDevice or multiDevice' }),
  backedUp: Type.Boolean(),
  transports: Type.Array(Type.String()),
  attestationFormat: Type.String(),
  signCount: Type.Integer({ description: 'the signature counter last stored' }),
  lastUsedAt: Nullable(Type.String()),
  possiblyCloned: Type.Boolean(),
  nickname: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const PatchPasskeyBody = Strict({
  // Capped loosely here; the domain trims, then holds it to 1–64 characters.
  nickname: Type.Union([Type.String({ maxLength: 256 }), Type.Null()]),
});
