import { type Static, type TSchema, Type } from 'typebox';
import type {
  AuthenticatorConfigRecord,
  BindingDefinitions as BindingFile,
} from './BindingDefinitions';
import type {
  ApiTokenRecord,
  AuthenticationPolicy,
  IdentityDefinitions as IdentityFile,
  IdentityStoreRecord,
  RegistrationPolicy,
  RelyingPartyRecord,
  TenantRecord,
} from './IdentityDefinitions';
import type {
  PageFileRecord,
  PageDefinitions as PagesFile,
  PageVersionRecord,
} from './PageDefinitions';
import type { ProcessTokenRecord } from './ProcessTokenRecord';
import type {
  FormDefinitions as FormFile,
  FormVersionRecord,
  ProcessDefinitionRecord,
  ProcessDefinitions as ProcessFile,
} from './RuntimeDefinitions';

/**
 * What each definitions file must hold when it is loaded (DESIGN §9): a record that fails its
 * schema stops the start, so it never becomes a 500 later. The TypeScript interfaces stay the
 * source the code is written against; `SchemasAgree` below fails to compile when a schema and
 * its interface differ (a field added, dropped, or typed differently on one side), so they cannot
 * drift. Fields this version does not know are tolerated (JSON Schema's default): a data
 * directory a newer version wrote still starts after a rollback, and responses are serialised
 * through their own schemas, so an unknown field never leaks.
 */
const Text = Type.String({ minLength: 1 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// An instant as Keyform writes it (toISOString); a garbage expiry would compare as never expiring.
const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
});
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Version = Type.Integer({ minimum: 1 });
const Strings = Type.Array(Type.String());
const Json = Type.Record(Type.String(), Type.Unknown());
const Requirement = Type.Union([
  Type.Literal('required'),
  Type.Literal('preferred'),
  Type.Literal('discouraged'),
]);

const Tenant = Type.Object({ id: Text, createdAt: Instant });
const ApiToken = Type.Object({
  id: Text,
  tenantId: Nullable(Text),
  name: Type.String(),
  secretHash: Sha256,
  permissions: Strings,
  expiresAt: Nullable(Instant),
  createdAt: Instant,
  lastUsedAt: Type.Optional(Nullable(Instant)),
});
const IdentityStore = Type.Object({
  id: Text,
  tenantId: Text,
  name: Text,
  displayName: Nullable(Type.String()),
  createdAt: Instant,
});
const Policy = Type.Object({
  userVerification: Requirement,
  residentKey: Requirement,
  authenticatorAttachment: Nullable(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
  ),
  attestation: Type.Union([
    Type.Literal('none'),
    Type.Literal('direct'),
    Type.Literal('indirect'),
    Type.Literal('enterprise'),
  ]),
  allowedAttestationFormats: Strings,
  supportedAlgorithms: Type.Array(Type.Integer()),
  timeoutSeconds: Type.Number({ exclusiveMinimum: 0 }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  excludeExistingCredentials: Type.Boolean(),
  allowedAaguids: Nullable(Strings),
  allowCrossOrigin: Type.Boolean(),
});
const AuthPolicy = Type.Object({
  userVerification: Requirement,
  timeoutSeconds: Type.Number({ exclusiveMinimum: 0 }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  hints: Type.Array(
    Type.Union([
      Type.Literal('security-key'),
      Type.Literal('client-device'),
      Type.Literal('hybrid'),
    ]),
  ),
  discoverable: Type.Union([Type.Literal('allowed'), Type.Literal('forbidden')]),
  allowCrossOrigin: Type.Boolean(),
  onCounterRegression: Type.Union([Type.Literal('refuse'), Type.Literal('flag')]),
});
const RelyingParty = Type.Object({
  id: Text,
  tenantId: Text,
  rpId: Text,
  name: Type.String(),
  origins: Strings,
  registrationPolicies: Type.Record(Type.String(), Policy),
  // Optional: an identity.json from before sign-in existed still loads (read as the defaults).
  authenticationPolicies: Type.Optional(Type.Record(Type.String(), AuthPolicy)),
  createdAt: Instant,
  updatedAt: Instant,
});
export const IdentityDefinitionsSchema = Type.Object({
  tenants: Type.Array(Tenant),
  tokens: Type.Array(ApiToken),
  stores: Type.Array(IdentityStore),
  relyingParties: Type.Array(RelyingParty),
});

const Versioned = <T extends TSchema>(definition: T) =>
  Type.Object({
    tenantId: Text,
    name: Text,
    version: Version,
    definition,
    sha256: Sha256,
    createdAt: Instant,
  });
// The part of a form the runtime reads without asking: its JSON schema.
const FormVersion = Versioned(Type.Record(Type.String(), Type.Unknown(), { required: ['schema'] }));
export const FormDefinitionsSchema = Type.Object({ versions: Type.Array(FormVersion) });

const ProcessVersion = Versioned(Json);
const ProcessToken = Type.Object({
  id: Text,
  tenantId: Text,
  name: Type.String(),
  processDefnName: Text,
  processDefnVersion: Nullable(Version),
  type: Type.Union([Type.Literal('UNLIMITED'), Type.Literal('SINGLE_USE')]),
  parameters: Json,
  expiresAt: Nullable(Instant),
  createdAt: Instant,
  usedAt: Nullable(Instant),
});
export const ProcessDefinitionsSchema = Type.Object({
  versions: Type.Array(ProcessVersion),
  // Start links of a file from before process_tokens; openStorage moves them to the records.
  tokens: Type.Optional(Type.Array(ProcessToken)),
});

const PageFile = Type.Object({
  path: Text,
  sha256: Sha256,
  size: Type.Integer({ minimum: 0 }),
  contentType: Text,
});
const PageVersion = Type.Object({
  tenantId: Text,
  name: Text,
  version: Version,
  files: Type.Array(PageFile),
  sha256: Sha256,
  createdAt: Instant,
});
export const PageDefinitionsSchema = Type.Object({ versions: Type.Array(PageVersion) });

const AuthenticatorConfig = Type.Object({
  id: Text,
  tenantId: Text,
  storeName: Text,
  displayName: Nullable(Type.String()),
  type: Type.Union([Type.Literal('embedded'), Type.Literal('hosted_web')]),
  invokeUrl: Text,
  trustedOrigins: Strings,
  invocationType: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
  rpId: Nullable(Text),
  registrationPolicy: Nullable(Text),
  createdAt: Instant,
  updatedAt: Instant,
});
export const BindingDefinitionsSchema = Type.Object({
  authenticatorConfigs: Type.Array(AuthenticatorConfig),
});

/** The same fields, each of the same type, on both sides. */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never]
      ? true
      : false
    : false
  : false;
type Assert<T extends true> = T;

/** Compiles only while every schema above matches its interface (see the note at the top). */
export type SchemasAgree = [
  Assert<Same<Static<typeof Tenant>, TenantRecord>>,
  Assert<Same<Static<typeof ApiToken>, ApiTokenRecord>>,
  Assert<Same<Static<typeof IdentityStore>, IdentityStoreRecord>>,
  Assert<Same<Static<typeof Policy>, RegistrationPolicy>>,
  Assert<Same<Static<typeof AuthPolicy>, AuthenticationPolicy>>,
  Assert<Same<Static<typeof RelyingParty>, RelyingPartyRecord>>,
  Assert<Same<Static<typeof IdentityDefinitionsSchema>, IdentityFile>>,
  Assert<Same<Static<typeof FormVersion>, FormVersionRecord>>,
  Assert<Same<Static<typeof FormDefinitionsSchema>, FormFile>>,
  Assert<Same<Static<typeof ProcessVersion>, ProcessDefinitionRecord>>,
  Assert<Same<Static<typeof ProcessToken>, ProcessTokenRecord>>,
  Assert<Same<Static<typeof ProcessDefinitionsSchema>, ProcessFile>>,
  Assert<Same<Static<typeof PageFile>, PageFileRecord>>,
  Assert<Same<Static<typeof PageVersion>, PageVersionRecord>>,
  Assert<Same<Static<typeof PageDefinitionsSchema>, PagesFile>>,
  Assert<Same<Static<typeof AuthenticatorConfig>, AuthenticatorConfigRecord>>,
  Assert<Same<Static<typeof BindingDefinitionsSchema>, BindingFile>>,
];
