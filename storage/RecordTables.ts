import type { Generated } from 'kysely';

/** Row shapes of the record database (SQLite now; the same tables serve a PostgreSQL dialect). */
export interface RecordTables {
  users: UserRow;
  user_handles: UserHandleRow;
  passkeys: PasskeyRow;
  registration_sessions: RegistrationSessionRow;
  authentication_sessions: AuthenticationSessionRow;
  process_instances: ProcessInstanceRow;
  credential_binding_jobs: BindingJobRow;
  process_tokens: ProcessTokenRow;
  console_sessions: ConsoleSessionRow;
}

/** A console sign-in (migration 0010); the secret itself is only in the browser's cookie. */
export interface ConsoleSessionRow {
  /** sha256 (hex) of the session's secret. */
  secret_hash: string;
  token_id: string;
  /** sha256 (hex) of the API token's secret, as identity.json keeps it. */
  token_hash: string;
  tenant_id: string;
  /** ms since the epoch. */
  expires_at: number;
  created_at: string;
}

export interface ProcessTokenRow {
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  name: string;
  process_defn_name: string;
  process_defn_version: number | null;
  type: string;
  /** JSON text. */
  parameters: string;
  expires_at: string | null;
  created_at: string;
  used_at: string | null;
}

export interface ProcessInstanceRow {
  id: string;
  tenant_id: string;
  definition_name: string;
  definition_version: number;
  process_token_id: string | null;
  state: string;
  cursor: string;
  /** JSON text of StepRecord, or null. */
  step: string | null;
  /** JSON text. */
  context: string;
  /** JSON text of InstanceInternal. */
  internal: string;
  /** JSON text. */
  history: string;
  /** JSON text. */
  visits: string;
  /** JSON text. */
  failures: string;
  decision: string | null;
  capability_hash: string | null;
  entry_hash: string | null;
  expires_at: number;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface UserRow {
  id: string;
  tenant_id: string;
  store_name: string;
  user_key: string;
  /** foldUserKey(user_key), unique per tenant and store: how user names compare. */
  user_key_folded: string;
  external_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  date_of_birth: string | null;
  /** JSON text: `{country?, language?, variant?}` */
  locale: string | null;
  /** JSON text: string[] */
  nationalities: string | null;
  status: string;
  timezone: string | null;
  type: string | null;
  /** JSON text: Record<string, string> */
  attributes: string | null;
  created_at: string;
  updated_at: string;
  seq: Generated<number>;
}

export interface UserHandleRow {
  tenant_id: string;
  user_id: string;
  rp_id: string;
  user_handle: string;
}

export interface PasskeyRow {
  id: string;
  tenant_id: string;
  store_name: string;
  user_id: string;
  rp_id: string;
  credential_id: string;
  public_key: string;
  counter: number;
  aaguid: string;
  device_type: string;
  backed_up: number;
  /** JSON text: string[] */
  transports: string;
  attestation_format: string;
  user_handle: string;
  created_at: string;
  last_used_at: string | null;
  /** 0 or 1. */
  possibly_cloned: number;
  nickname: string | null;
}

export interface RegistrationSessionRow {
  id: string;
  tenant_id: string;
  store_name: string;
  rp_id: string;
  policy_name: string;
  user_id: string | null;
  /** JSON text of the user to create on completion (`createUser`), else null. */
  new_user: string | null;
  user_handle: string;
  challenge: string;
  /** JSON text of the PublicKeyCredentialCreationOptionsJSON handed to the client. */
  client_request: string;
  state: string;
  attempts: number;
  /** Epoch milliseconds, so purging is one indexed range delete. */
  expires_at: number;
  created_at: string;
  updated_at: string;
  /** sha256 of the response that completed the session: an identical resend is idempotent. */
  response_hash: string | null;
  /** JSON text of the completed result returned to every identical resend. */
  result: string | null;
  failure_code: string | null;
}

export interface BindingJobRow {
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  store_name: string;
  user_id: string;
  delivery_method: string;
  state: string;
  post_binding_redirect_uri: string | null;
  authenticator_config_id: string;
  /** sha256 of the link token. */
  token_hash: string;
  /** sha256 of the completion token issued on redemption. */
  completion_hash: string | null;
  session_id: string | null;
  credential_id: string | null;
  failure_code: string | null;
  /** Epoch milliseconds, so expiring due jobs is one indexed range update. */
  expires_at: number;
  created_at: string;
  updated_at: string;
}

/** A passkey sign-in session (migration 0008): the common session columns and what signing in needs. */
export interface AuthenticationSessionRow {
  id: string;
  tenant_id: string;
  store_name: string;
  rp_id: string;
  policy_name: string;
  /** The user the sign-in was started for; null for a usernameless one until it completes. */
  user_id: string | null;
  /** The permission (action) of the route that started it: read, complete and cancel need it. */
  started_with: string;
  challenge: string;
  /** JSON text of the PublicKeyCredentialRequestOptionsJSON handed to the client. */
  client_request: string;
  state: string;
  attempts: number;
  /** Epoch milliseconds. */
  expires_at: number;
  created_at: string;
  updated_at: string;
  response_hash: string | null;
  result: string | null;
  failure_code: string | null;
  /** The passkey that signed in, once completed. */
  passkey_id: string | null;
  /** sha256 (hex) of the session's authentication link secret (migration 0009); null without one. */
  link_hash: string | null;
}
