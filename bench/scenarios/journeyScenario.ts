import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { createResponseBuilder } from '../lib/createResponseBuilder';
import { startBare } from '../lib/startBare';
import { benchOrigin, startKeyform } from '../lib/startKeyform';

type Journey = { userId?: string; sessionId?: string; challenge?: string };

/**
 * The whole API journey on each connection: create a user → start → complete (`none`, built
 * when the start answers, from a small pool of keys, so the client's share stays a few µs).
 * Throughput counts requests; a journey is three of them.
 */
export async function journeyScenario(ctx: BenchContext): Promise<ComparedRow[]> {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'journey-'));
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  const build = createResponseBuilder({ format: 'none', origin: benchOrigin });
  const run = randomBytes(4).toString('hex');
  let users = 0;
  const side = (server: typeof keyform | typeof bare) => ({
    ...server,
    requests: (): autocannon.Request[] => [
      {
        method: 'POST',
        path: server.paths.users,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ userKey: `journey-${run}-${users++}` }),
        }),
        onResponse: (status, body, context: Journey) => {
          context.userId = status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
        },
      },
      {
        method: 'POST',
        body: '{}',
        // A falsy request makes autocannon start the journey over.
        setupRequest: (request, context: Journey) =>
          (context.userId
            ? { ...request, path: server.paths.start(context.userId) }
            : null) as autocannon.Request,
        onResponse: (status, body, context: Journey) => {
          if (status !== 201) return;
          const started = JSON.parse(body) as {
            sessionId: string;
            clientRequest: { challenge: string };
          };
          context.sessionId = started.sessionId;
          context.challenge = started.clientRequest.challenge;
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context: Journey) =>
          (context.sessionId && context.challenge
            ? {
                ...request,
                path: server.paths.complete(context.sessionId),
                body: JSON.stringify({ clientResponse: build(context.challenge) }),
              }
            : null) as autocannon.Request,
      },
    ],
  });
  return compareAtEachLoad(ctx, { scenario: 'journey', keyform, bare, side });
}
