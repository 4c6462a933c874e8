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
  return {
    ...server,
    kind: 'bare' as const,
    headers: { 'content-type': 'application/json' },
    paths: barePaths,
    /** Setup, not timed: sessions whose responses were built in advance. */
    async addSessions(sessions: Array<{ id: string; challenge: string }>) {
      for (let i = 0; i < sessions.length; i += 10_000) {
        const response = await fetch(`${server.baseUrl}/bench/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sessions.slice(i, i + 10_000)),
        });
        if (response.status !== 200) throw new Error(`bare sessions: ${response.status}`);
      }
    },
    /** Setup, not timed: the process tokens its end-user flow starts from. */
    async addProcessTokens(tokens: Array<{ id: string; singleUse: boolean }>) {
      for (let i = 0; i < tokens.length; i += 10_000) {
        const response = await fetch(`${server.baseUrl}/bench/processTokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(tokens.slice(i, i + 10_000)),
        });
        if (response.status !== 200) throw new Error(`bare process tokens: ${response.status}`);
      }
    },
  };
}
