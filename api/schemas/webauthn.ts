import { Type } from 'typebox';
import { Base64Url, Strict } from './common';

const Transport = Type.Union(
  ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'].map((t) => Type.Literal(t)),
);

/** PublicKeyCredentialDescriptorJSON: a credential the options exclude or allow. */
const CredentialDescriptor = Type.Object({
  id: Base64Url,
  type: Type.Literal('public-key'),
  transports: Type.Optional(Type.Array(Type.String())),
});

/** PublicKeyCredentialCreationOptionsJSON as issued by the server. */
export const CreationOptions = Type.Object({
  rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }),
  user: Type.Object({ id: Base64Url, name: Type.String(), displayName: Type.String() }),
  challenge: Base64Url,
  pubKeyCredParams: Type.Array(
    Type.Object({ type: Type.Literal('public-key'), alg: Type.Integer() }),
  ),
  timeout: Type.Optional(Type.Integer()),
  excludeCredentials: Type.Optional(Type.Array(CredentialDescriptor)),
  authenticatorSelection: Type.Optional(
    Type.Object({
      authenticatorAttachment: Type.Optional(Type.String()),
      requireResidentKey: Type.Optional(Type.Boolean()),
      residentKey: Type.Optional(Type.String()),
      userVerification: Type.Optional(Type.String()),
    }),
  ),
  hints: Type.Optional(Type.Array(Type.String())),
  attestation: Type.Optional(Type.String()),
  extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

/**
 * RegistrationResponseJSON, strictly: unknown fields are rejected and every string is capped.
 * The id cap is loose on purpose, so an oversized credential ID reaches the rule that names it.
 */
export const RegistrationResponse = Strict({
  id: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
  rawId: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
  type: Type.Literal('public-key'),
  response: Strict({
    clientDataJSON: Type.String({ minLength: 1, maxLength: 8192, pattern: '^[A-Za-z0-9_-]+$' }),
    attestationObject: Type.String({
      minLength: 1,
      maxLength: 48_000,
      pattern: '^[A-Za-z0-9_-]+$',
    }),
    authenticatorData: Type.Optional(
      Type.String({ maxLength: 48_000, pattern: '^[A-Za-z0-9_-]*$' }),
    ),
    transports: Type.Optional(Type.Array(Transport, { maxItems: 8 })),
    publicKeyAlgorithm: Type.Optional(Type.Integer()),
    publicKey: Type.Optional(Type.String({ maxLength: 8192, pattern: '^[A-Za-z0-9_-]*$' })),
  }),
  authenticatorAttachment: Type.Optional(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
  ),
  clientExtensionResults: Type.Object({}, { additionalProperties: true, maxProperties: 16 }),
});

/** PublicKeyCredentialRequestOptionsJSON as issued by the server (a sign-in's options). */
export const RequestOptions = Type.Object({
  challenge: Base64Url,
  timeout: Type.Optional(Type.Integer()),
  rpId: Type.Optional(Type.String()),
  allowCredentials: Type.Optional(Type.Array(CredentialDescriptor)),
  userVerification: Type.Optional(Type.String()),
  hints: Type.Optional(Type.Array(Type.String())),
  extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

/**
 * AuthenticationResponseJSON, strictly, capped like RegistrationResponse (a sign-in's answer).
 * `userHandle` is base64url of at most 64 bytes (WebAuthn L3 §5.4.3), with room to reach the rule.
 */
export const AuthenticationResponse = Strict({
  id: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
  rawId: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
  type: Type.Literal('public-key'),
  response: Strict({
    clientDataJSON: Type.String({ minLength: 1, maxLength: 8192, pattern: '^[A-Za-z0-9_-]+$' }),
    authenticatorData: Type.String({
      minLength: 1,
      maxLength: 48_000,
      pattern: '^[A-Za-z0-9_-]+$',
    }),
    signature: Type.String({ minLength: 1, maxLength: 8192, pattern: '^[A-Za-z0-9_-]+$' }),
    userHandle: Type.Optional(Type.String({ maxLength: 1024, pattern: '^[A-Za-z0-9_-]*$' })),
  }),
  authenticatorAttachment: Type.Optional(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
  ),
  clientExtensionResults: Type.Object({}, { additionalProperties: true, maxProperties: 16 }),
});

export const PasskeyView = Type.Object({
  id: Type.String(),
  credentialId: Base64Url,
  userId: Type.String(),
  aaguid: Type.String(),
  deviceType: Type.String(),
  backedUp: Type.Boolean(),
  transports: Type.Array(Type.String()),
  createdAt: Type.String(),
});

export const SessionView = Type.Object({
  sessionId: Type.String(),
  status: Type.String({ description: 'PENDING, COMPLETED, FAILED, CANCELLED or EXPIRED' }),
  clientRequest: CreationOptions,
  expiresAt: Type.String(),
  attempts: Type.Optional(Type.Integer()),
  failureCode: Type.Optional(Type.String()),
  passkey: Type.Optional(PasskeyView),
});
