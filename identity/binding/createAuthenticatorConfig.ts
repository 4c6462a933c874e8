import { isoNow } from '../../core/isoNow';
import { randomId } from '../../core/randomId';
import type { AuthenticatorConfigRecord } from '../../storage/BindingDefinitions';
import { findIdentityStore } from '../findIdentityStore';
import { findRegistrationPolicy } from '../findRelyingParty';
import { invalidField } from '../IdentityError';
import type { BindingDeps } from './BindingDeps';
import { ceremonyOf } from './ceremonyOf';
import { checkWebUrl } from './checkWebUrl';

export interface AuthenticatorConfigInput {
  displayName?: string;
  type: 'embedded' | 'hosted_web';
  invokeUrl?: string;
  trustedOrigins?: string[];
  invocationType?: 'automatic' | 'manual';
  rpId?: string;
  registrationPolicy?: string;
}

const configPath = '/authenticator_config/config';

/**
 * Add an authenticator config to a realm. `hosted_web` is pinned to Keyform's own page (as Beyond
 * Identity pins its hosted authenticator); `embedded` needs the integrator's invoke URL, and its
 * trusted origins default to that URL's origin. The RP and policy must exist now, not at first use.
 */
export async function createAuthenticatorConfig(
  deps: BindingDeps,
  {
    tenantId,
    storeName,
    input,
  }: { tenantId: string; storeName: string; input: AuthenticatorConfigInput },
) {
  findIdentityStore(deps, { tenantId, name: storeName });
  const hosted = input.type === 'hosted_web';
  if (!hosted && input.invokeUrl === undefined) {
    throw invalidField(`${configPath}/invoke_url`, "is required for type 'embedded'");
  }
  const invokeUrl = hosted
    ? deps.publicUrl
    : checkWebUrl(`${configPath}/invoke_url`, input.invokeUrl!).href;
  const trustedOrigins = hosted
    ? [deps.publicUrl]
    : (input.trustedOrigins ?? [new URL(invokeUrl).origin]);
  trustedOrigins.forEach((origin, i) => {
    checkWebUrl(`${configPath}/trusted_origins/${i}`, origin, { bareOrigin: true });
  });
  const now = isoNow(deps);
  const record: AuthenticatorConfigRecord = {
    id: randomId(deps, 96),
    tenantId,
    storeName,
    displayName: input.displayName ?? null,
    type: input.type,
    invokeUrl,
    trustedOrigins,
    invocationType: input.invocationType ?? 'automatic',
    rpId: input.rpId ?? null,
    registrationPolicy: input.registrationPolicy ?? null,
    createdAt: now,
    updatedAt: now,
  };
  findRegistrationPolicy(deps, { tenantId, ...ceremonyOf(record, deps.publicUrl) });
  await deps.binding.update((draft) => {
    draft.authenticatorConfigs.push(record);
  });
  return record;
}
