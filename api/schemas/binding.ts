import { Type } from 'typebox';
import { ErrorResponse, errorResponses, Name, Strict } from './common';
import { CreationOptions, RegistrationResponse } from './webauthn';

/** Schemas of the Beyond Identity-compatible `/v1` API: snake_case, as Beyond Identity's own. */

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const UrlSafeId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });

export const TenantParams = Type.Object({
  tenant: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  realm: Name,
});
export const IdentityParams = Type.Object({ ...TenantParams.properties, identityId: UrlSafeId });
export const JobParams = Type.Object({ ...IdentityParams.properties, jobId: UrlSafeId });
export const ConfigParams = Type.Object({ ...TenantParams.properties, configId: UrlSafeId });

export const ListQuery = Type.Object(
  {
    page_size: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' })),
    page_token: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    skip: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$' })),
  },
  { additionalProperties: false },
);
export const JobListQuery = Type.Object(
  { ...ListQuery.properties, filter: Type.Optional(Type.String({ maxLength: 1024 })) },
  { additionalProperties: false },
);

const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
const DeliveryMethod = Type.Union([Type.Literal('RETURN'), Type.Literal('EMAIL')]);
/** storage/BindingJobRecord.ts's states, spelled out so the static type keeps each literal. */
const JobState = Type.Union([
  Type.Literal('LINK_SENT'),
  Type.Literal('LINK_OPENED'),
  Type.Literal('REQUEST_DELIVERED'),
  Type.Literal('COMPLETE'),
  Type.Literal('EXPIRED'),
  Type.Literal('FAILED_TO_SEND'),
  Type.Literal('REVOKED'),
]);
const Username = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 64 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Text = Type.String({ maxLength: 128 });
const ExternalId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.@:+-]+$' });
const TraitsType = Type.Literal('traits_v0');

export const CreateIdentityBody = Strict({
  identity: Strict({
    display_name: DisplayName,
    status: Type.Optional(Status),
    traits: Strict({
      type: Type.Optional(TraitsType),
      username: Username,
      primary_email_address: Type.Optional(Email),
      secondary_email_address: Type.Optional(Email),
      external_id: Type.Optional(ExternalId),
      given_name: Type.Optional(Text),
      family_name: Type.Optional(Text),
      formatted_name: Type.Optional(Text),
    }),
  }),
});

export const PatchIdentityBody = Strict({
  identity: Strict({
    display_name: Type.Optional(DisplayName),
    status: Type.Optional(Status),
    traits: Type.Optional(
      Strict({
        type: Type.Optional(TraitsType),
        username: Type.Optional(Username),
        primary_email_address: Type.Optional(Nullable(Email)),
        secondary_email_address: Type.Optional(Nullable(Email)),
        external_id: Type.Optional(ExternalId),
        given_name: Type.Optional(Nullable(Text)),
        family_name: Type.Optional(Nullable(Text)),
        formatted_name: Type.Optional(Nullable(Text)),
      }),
    ),
  }),
});

const optionalText = (keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, Type.Optional(Type.String())]));
export const IdentityView = Type.Object({
  id: Type.String(),
  realm_id: Type.String(),
  tenant_id: Type.String(),
  display_name: Type.String(),
  status: Status,
  create_time: Type.String(),
  update_time: Type.String(),
  traits: Type.Object({
    type: TraitsType,
    username: Type.String(),
    external_id: Type.String(),
    ...optionalText([
      'primary_email_address',
      'secondary_email_address',
      'given_name',
      'family_name',
      'formatted_name',
    ]),
  }),
});
export const IdentityList = Type.Object({
  identities: Type.Array(IdentityView),
  total_size: Type.Integer(),
  next_page_token: Type.Optional(Type.String()),
});

export const AuthenticatorConfigBody = Strict({
  authenticator_config: Strict({
    display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    config: Strict({
      type: Type.Union([Type.Literal('embedded'), Type.Literal('hosted_web')]),
      invoke_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
      trusted_origins: Type.Optional(
        Type.Array(Type.String({ maxLength: 256 }), { maxItems: 32, uniqueItems: true }),
      ),
      invocation_type: Type.Optional(
        Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
      ),
      // Accepted so Beyond Identity request bodies pass unchanged; passkeys are the only method.
      authentication_methods: Type.Optional(
        Type.Array(Strict({ type: Type.String({ maxLength: 64 }) }), { maxItems: 8 }),
      ),
    }),
    rp_id: Type.Optional(Type.String({ minLength: 1, maxLength: 253 })),
    registration_policy: Type.Optional(Name),
  }),
});
export const AuthenticatorConfigView = Type.Object({
  id: Type.String(),
  realm_id: Type.String(),
  tenant_id: Type.String(),
  display_name: Type.Optional(Type.String()),
  config: Type.Object({
    type: Type.String(),
    invoke_url: Type.String(),
    trusted_origins: Type.Array(Type.String()),
    invocation_type: Type.String(),
  }),
  rp_id: Type.String(),
  registration_policy: Type.String(),
  create_time: Type.String(),
  update_time: Type.String(),
});

const JobRequest = Strict({
  delivery_method: DeliveryMethod,
  authenticator_config_id: Type.Optional(UrlSafeId),
  post_binding_redirect_uri: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
});
const TtlSeconds = Type.Optional(
  Type.Integer({ description: 'link lifetime, 60 to the configured maximum (900 by default)' }),
);
export const CreateJobBody = Strict({ job: JobRequest, ttl_seconds: TtlSeconds });
export const BatchJobBody = Strict({
  requests: Type.Array(
    Strict({ identity_id: UrlSafeId, job: JobRequest, ttl_seconds: TtlSeconds }),
    {
      minItems: 1,
      maxItems: 1000,
    },
  ),
});

export const JobView = Type.Object({
  id: Type.String(),
  realm_id: Type.String(),
  tenant_id: Type.String(),
  identity_id: Type.String(),
  delivery_method: DeliveryMethod,
  state: JobState,
  post_binding_redirect_uri: Type.Union([Type.String(), Type.Null()]),
  authenticator_config_id: Type.String(),
  expire_time: Type.String(),
  create_time: Type.String(),
  update_time: Type.String(),
  credential_id: Type.Optional(Type.String()),
});
export const CreatedJob = Type.Object({
  credential_binding_job: JobView,
  credential_binding_link: Type.Optional(Type.String()),
});
export const JobList = Type.Object({
  credential_binding_jobs: Type.Array(JobView),
  total_size: Type.Integer(),
  next_page_token: Type.Optional(Type.String()),
});

export const TokenQuery = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
export const RedeemedLink = Type.Object({
  credential_binding_job: JobView,
  creation_options: CreationOptions,
  completion_token: Type.String(),
});
export const CompleteBody = Strict({
  completion_token: Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
  client_response: RegistrationResponse,
});
export const CompletedBinding = Type.Object({
  credential_binding_job: JobView,
  passkey: Type.Object({
    id: Type.String(),
    credential_id: Type.String(),
    aaguid: Type.String(),
    transports: Type.Array(Type.String()),
    create_time: Type.String(),
  }),
  identity: IdentityView,
});

/** Every error status of this API, 422 included (an impossible request, e.g. EMAIL without an address). */
export const bindingErrors = { ...errorResponses, 422: ErrorResponse };
