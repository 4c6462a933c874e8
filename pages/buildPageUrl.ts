/**
 * Where a page file is served: `<base>/pages/<tenant>/<page>/<version>/<path>`, with `base`
 * the pages origin when one is configured. Page bundles are not secrets: nothing else is in it.
 */
export function buildPageUrl({
  base,
  tenantId,
  name,
  version,
  path = 'index.html',
}: {
  base: string;
  tenantId: string;
  name: string;
  version: number;
  path?: string;
}) {
  return `${base}/pages/${encodeURIComponent(tenantId)}/${encodeURIComponent(name)}/${version}/${path}`;
}
