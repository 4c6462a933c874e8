import { listRelyingParties } from '../../../identity/findRelyingParty';
import type { RuntimeDeps } from '../../RuntimeDeps';

/**
 * The relying party a registration uses when `relyingPartyId` resolves to nothing (a token
 * without parameters: DESIGN §3 makes them optional): the tenant's RP for the public URL's host,
 * which is the seeded demo RP, else the tenant's only RP. Anything else is ambiguous or absent,
 * and the node must name one.
 */
export function chooseDefaultRelyingParty(
  deps: Pick<RuntimeDeps, 'definitions' | 'publicUrl'>,
  { tenantId }: { tenantId: string },
): { ok: true; rpId: string } | { ok: false; message: string } {
  const host = new URL(deps.publicUrl).hostname;
  const rps = listRelyingParties(deps, tenantId);
  const chosen = rps.find((rp) => rp.rpId === host) ?? (rps.length === 1 ? rps[0] : undefined);
  if (chosen) return { ok: true, rpId: chosen.rpId };
  const known = rps.map((rp) => `'${rp.rpId}'`).join(', ') || 'none';
  return {
    ok: false,
    message: `relyingPartyId resolved to nothing and tenant '${tenantId}' has no relying party for the public host '${host}' nor exactly one to default to (it has: ${known}); expected relyingPartyId to name one`,
  };
}
