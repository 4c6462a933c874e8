import { isoNow } from '../../core/isoNow';
import type { BindingDeps } from './BindingDeps';
import { buildInvokeUrl } from './buildInvokeUrl';
import { checkLinkToken, type LinkAddress } from './checkLinkToken';
import { findAuthenticatorConfig } from './findAuthenticatorConfig';

/**
 * A person opened the link (from the mail): mark LINK_SENT → LINK_OPENED and return where the
 * authenticator config sends the browser. The token stays valid: redeeming it is what uses it.
 */
export async function openBindingLink(deps: BindingDeps, address: LinkAddress) {
  const job = await checkLinkToken(deps, address);
  const config = findAuthenticatorConfig(deps, { ...address, id: job.authenticatorConfigId });
  if (job.state === 'LINK_SENT') {
    // Losing this race to a redemption or a second open is fine: the link was opened either way.
    await deps.records.bindingJobs.transition(
      job,
      ['LINK_SENT'],
      { state: 'LINK_OPENED', updated_at: isoNow(deps) },
      { tokenHash: job.tokenHash, unexpiredAt: deps.now() },
    );
  }
  return buildInvokeUrl(config, { apiBaseUrl: deps.publicUrl, ...address });
}
