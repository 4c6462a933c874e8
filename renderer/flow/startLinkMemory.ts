/** The part of Web Storage this needs; sessionStorage in the browser, a Map in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyFor = (instanceId: string) => `keyform:startLink:${instanceId}`;

/**
 * Remembers where an instance was started, so an expired or failed journey can offer
 * "Start again" after a reload of `/flow/:id`. Storage may be missing or full (private
 * mode, disabled cookies): then the link is simply not offered.
 */
export function rememberStartLink({
  store,
  instanceId,
  startLink,
}: {
  store: KeyValueStore | null;
  instanceId: string;
  startLink: string;
}): void {
  try {
    store?.setItem(keyFor(instanceId), startLink);
  } catch {
    // Storage refused (quota, privacy settings): "Start again" is a convenience only.
  }
}

export function recallStartLink({
  store,
  instanceId,
}: {
  store: KeyValueStore | null;
  instanceId: string;
}): string | null {
  try {
    const link = store?.getItem(keyFor(instanceId)) ?? null;
    // Only our own start route: the value is read back into an href.
    return link !== null && /^\/start\/[^/?#]+(\?[^#]*)?$/.test(link) ? link : null;
  } catch {
    return null;
  }
}
