import type { Passkey } from './Passkey';

const key = 'keyform.embedded.passkeys';

/** Storage as the SDK needs it (window.localStorage, or a stand-in). */
export type PasskeyStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The passkeys this browser bound through the SDK, for `getPasskeys()`. A passkey itself lives
 * in the authenticator; this only remembers what was bound, per origin, best effort, kept in step
 * with what sign-ins learn from the server (touchPasskey, forgetPasskey).
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
  writePasskeys(store, [...others, passkey]);
}

/** After a sign-in: the server's `lastUsedAt` on the remembered passkey `passkeyId`, if any. */
export function touchPasskey(store: PasskeyStore | null, passkeyId: string, lastUsedAt: string) {
  const passkeys = readPasskeys(store);
  if (!passkeys.some((p) => p.passkeyId === passkeyId)) return;
  writePasskeys(
    store,
    passkeys.map((p) => (p.passkeyId === passkeyId ? { ...p, lastUsedAt } : p)),
  );
}

/** Drop the passkey with credential ID `id`: the server no longer knows it (UNKNOWN_CREDENTIAL). */
export function forgetPasskey(store: PasskeyStore | null, id: string) {
  const passkeys = readPasskeys(store);
  const kept = passkeys.filter((p) => p.id !== id);
  if (kept.length !== passkeys.length) writePasskeys(store, kept);
}

function writePasskeys(store: PasskeyStore | null, passkeys: Passkey[]) {
  try {
    store?.setItem(key, JSON.stringify(passkeys));
  } catch {
    // Full or blocked storage: the ceremony itself succeeded, only the local list misses it.
  }
}
