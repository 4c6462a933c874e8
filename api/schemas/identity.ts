import { Type } from 'typebox';
import { Name, ShortText, Strict } from './common';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

export const UserStatus = Type.Union(
  ['PENDING_ACTIVE', 'ACTIVE', 'LOCKED', 'TEMP_LOCKED', 'DISABLED'].map((s) => Type.Literal(s)),
);

/** The attributes of TrustX's Add User activity, each checked field by field. */
const userFields = {
  externalId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.@:+-]+$' }),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  firstName: Nullable(Type.String({ maxLength: 128 })),
  lastName: Nullable(Type.String({ maxLength: 128 })),
  dateOfBirth: Nullable(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-mm-dd' }),
  ),
  locale: Type.Union([
    Strict({
      country: Type.Optional(
        Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
      ),
      language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1' })),
      variant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' })),
    }),
    Type.Null(),
  ]),
  nationalities: Type.Union([
    Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 16, uniqueItems: true }),
    Type.Null(),
  ]),
  status: UserStatus,
  timezone: Nullable(
    Type.String({ maxLength: 64, description: 'a TZDB name, e.g. Europe/Berlin' }),
  ),
  type: Nullable(Type.String({ maxLength: 64 })),
  attributes: Type.Union([
    Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
      Type.String({ maxLength: 1024 }),
      // TypeBox turns a key pattern into patternProperties only: without this, a key that does
      // not match is accepted and its value is not checked at all.
      { maxProperties: 64, additionalProperties: false },
    ),
    Type.Null(),
  ]),
};
const UserKey = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' });
const optional = Object.fromEntries(
  Object.entries(userFields).map(([k, v]) => [k, Type.Optional(v)]),
) as { [K in keyof typeof userFields]: ReturnType<typeof Type.Optional<(typeof userFields)[K]>> };

export const CreateUserBody = Strict({ userKey: UserKey, ...optional });
export const PatchUserBody = Strict({ userKey: Type.Optional(UserKey), ...optional });

export const UserView = Type.Object({
  id: Type.String(),
  userKey: Type.String(),
  externalId: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  dateOfBirth: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([
    Type.Object({
      country: Type.Optional(Type.String()),
      language: Type.Optional(Type.String()),
      variant: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
  nationalities: Type.Union([Type.Array(Type.String()), Type.Null()]),
  status: Type.String(),
  timezone: Type.Union([Type.String(), Type.Null()]),
  type: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const StoreBody = Strict({ name: Name, displayName: Type.Optional(ShortText) });
export const StoreView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const Level = Type.Union(['required', 'preferred', 'discouraged'].map((l) => Type.Literal(l)));
export const RegistrationPolicyBody = Strict({
  userVerification: Type.Optional(Level),
  residentKey: Type.Optional(Level),
  authenticatorAttachment: Type.Optional(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform'), Type.Null()]),
  ),
  attestation: Type.Optional(
    Type.Union(['none', 'direct', 'enterprise'].map((a) => Type.Literal(a))),
  ),
  allowedAttestationFormats: Type.Optional(
    Type.Array(
      Type.Union(
        ['none', 'packed', 'fido-u2f', 'android-key', 'android-safetynet', 'tpm', 'apple'].map(
          (f) => Type.Literal(f),
        ),
      ),
      { minItems: 1, uniqueItems: true },
    ),
  ),
  supportedAlgorithms: Type.Optional(
    Type.Array(
      Type.Union(
        [-7, -8, -35, -36, -37, -38, -39, -257, -258, -259, -65535].map((a) => Type.Literal(a)),
      ),
      {
        minItems: 1,
        uniqueItems: true,
      },
    ),
  ),
  timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
  maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  excludeExistingCredentials: Type.Optional(Type.Boolean()),
  allowedAaguids: Type.Optional(
    Type.Union([
      Type.Array(
        Type.String({
          pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
        }),
        {
          maxItems: 256,
        },
      ),
      Type.Null(),
    ]),
  ),
  allowCrossOrigin: Type.Optional(Type.Boolean()),
});

/** A sign-in policy (DESIGN §4b): every field optional, the defaults filled in on save. */
export const AuthenticationPolicyBody = Strict({
  userVerification: Type.Optional(Level),
  timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
  maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  hints: Type.Optional(
    Type.Array(
      Type.Union(['security-key', 'client-device', 'hybrid'].map((h) => Type.Literal(h))),
      { maxItems: 3, uniqueItems: true },
    ),
  ),
  discoverable: Type.Optional(Type.Union([Type.Literal('allowed'), Type.Literal('forbidden')])),
  allowCrossOrigin: Type.Optional(Type.Boolean()),
  onCounterRegression: Type.Optional(Type.Union([Type.Literal('refuse'), Type.Literal('flag')])),
});
const PolicyName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' });

export const RelyingPartyBody = Strict({
  name: ShortText,
  origins: Type.Optional(
    Type.Array(Type.String({ maxLength: 256 }), { minItems: 1, maxItems: 32, uniqueItems: true }),
  ),
  registrationPolicies: Type.Optional(
    Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
      RegistrationPolicyBody,
      { maxProperties: 32, additionalProperties: false },
    ),
  ),
  authenticationPolicies: Type.Optional(
    Type.Record(PolicyName, AuthenticationPolicyBody, {
      maxProperties: 32,
      additionalProperties: false,
    }),
  ),
});

export const RelyingPartyView = Type.Object({
  id: Type.String(),
  rpId: Type.String(),
  name: Type.String(),
  origins: Type.Array(Type.String()),
  registrationPolicies: Type.Record(Type.String(), Type.Object({}, { additionalProperties: true })),
  authenticationPolicies: Type.Record(
    Type.String(),
    Type.Object({}, { additionalProperties: true }),
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
