import { benchOrigin } from './startKeyform';
import { startServer } from './startServer';

export const barePaths = {
  users: '/users',
  start: (userId: string) => `/users/${userId}/start`,
  complete: (sessionId: string) => `/sessions/${sessionId}`,
};

export type BareServer = Awaited<ReturnType<typeof startBare>>;

/** The bare ceiling (bench/bareCeiling.ts), expecting the same origin and RP ID as Keyform. */
export async function startBare({ prefix }: { prefix: string[] }) {
  const server = await startServer({
    entry: 'bench/bareCeiling.ts',
    prefix,
    env: { ORIGIN: benchOrigin, RP_ID: 'localhost' },
  });
  /** Bench setup routes take their items 10,000 to a request. */
  const postInChunks = async (what: string, items: unknown[]) => {
    for (let i = 0; i < items.length; i += 10_000) {
      const response = await fetch(`${server.baseUrl}/bench/${what}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(items.slice(i, i + 10_000)),
      });
      if (response.status !== 200) throw new Error(`bare ${what}: ${response.status}`);
    }
  };
  return {
    ...server,
    kind: 'bare' as const,
    headers: { 'content-type': 'application/json' },
    paths: barePaths,
    /** Setup, not timed: sessions whose responses were built in advance. */
    addSessions: (sessions: Array<{ id: string; challenge: string }>) =>
      postInChunks('sessions', sessions),
    /** Setup, not timed: the process tokens its end-user flow starts from. */
    addProcessTokens: (tokens: Array<{ id: string; singleUse: boolean }>) =>
      postInChunks('processTokens', tokens),
    /** Setup, not timed: the passkeys Keyform's store holds (base64url COSE public keys). */
    addSignInPasskeys: (
      passkeys: Array<{ userId: string; credentialId: string; publicKey: string }>,
    ) => postInChunks('signIn/passkeys', passkeys),
    /** Setup, not timed: PENDING sign-in sessions whose assertions were built in advance. */
    addSignInSessions: (sessions: Array<{ id: string; challenge: string; userId: string }>) =>
      postInChunks('signIn/sessions', sessions),
  };
}
