import { builtinPages } from './builtinPages';
import type { PagesDeps } from './PagesDeps';

/** Names of all pages the tenant can use, built-ins included, sorted. */
export function listPageNames(deps: Pick<PagesDeps, 'pages'>, { tenantId }: { tenantId: string }) {
  const names = new Set(builtinPages.map((p) => p.name));
  for (const v of deps.pages.read().versions) if (v.tenantId === tenantId) names.add(v.name);
  return [...names].sort();
}
