import { randomBytes } from 'node:crypto';
import type { AttestationFormat } from '../../test/support/encodeAttestationObject';
import { createResponseBuilder } from './createResponseBuilder';
import type { BenchSession } from './fillRecords';
import { benchOrigin } from './startKeyform';

/**
 * `count` sessions (id + challenge) and, for each, the complete request's body with a response
 * the software authenticator built in advance, so the timed run costs the client nothing.
 */
export function prebuildCompletions({
  count,
  format,
}: {
  count: number;
  format: AttestationFormat;
}) {
  const build = createResponseBuilder({ format, origin: benchOrigin });
  const sessions: BenchSession[] = [];
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const session = {
      id: randomBytes(16).toString('base64url'),
      challenge: randomBytes(32).toString('base64url'),
    };
    sessions.push(session);
    bodies.push(JSON.stringify({ clientResponse: build(session.challenge) }));
  }
  return { sessions, bodies };
}

export type Completions = ReturnType<typeof prebuildCompletions>;

/**
 * Hands out each prebuilt completion once. autocannon builds a connection's next request before
 * it knows whether it will send it, so up to two per connection go unused at the end of a run:
 * `remaining` leaves that margin. Past the end it answers an unknown session (a 404, counted).
 */
export function completionCursor(
  { sessions, bodies }: Completions,
  path: (sessionId: string) => string,
) {
  let next = 0;
  return {
    remaining: (connections: number) => sessions.length - next - 2 * connections,
    take() {
      const i = next++;
      if (i >= sessions.length) return { path: path('exhausted'), body: bodies[0]! };
      return { path: path(sessions[i]!.id), body: bodies[i]! };
    },
  };
}
