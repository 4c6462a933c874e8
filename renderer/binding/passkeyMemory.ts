import type { Passkey } from './Passkey';

const key = 'keyform.embedded.passkeys';

/** Storage as the SDK needs it (window.localStorage, or a stand-in). */
export type PasskeyStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The passkeys this browser bound through the SDK, for `getPasskeys()`. A passkey itself lives
 * in the authenticator; this only remembers what was bound, per origin, best effort.
 */
export function readPasskeys(store: PasskeyStore | null): Passkey[] {
  try {
    const value: unknown = JSON.parse(store?.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as Passkey[]) : [];
  } catch {
    return [];
  }
}

export function rememberPasskey(store: PasskeyStore | null, passkey: Passkey) {
  const others = readPasskeys(store).filter((p) => p.id !== passkey.id);
  try {
    store?.setItem(key, JSON.stringify([...others, passkey]));
  } catch {
    // Full or blocked storage: the binding itself succeeded, only the local list misses it.
  }
}
