import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, ComparedRow } from '../lib/BenchContext';
import { compareAtEachLoad } from '../lib/compareServers';
import { createFlowJourney } from '../lib/createFlowJourney';
import { createResponseBuilder } from '../lib/createResponseBuilder';
import { seedProcessTokens } from '../lib/seedProcessTokens';
import { startBare } from '../lib/startBare';
import { benchOrigin, type KeyformServer, startKeyform } from '../lib/startKeyform';

/** How the start links were handed out: one shared link, or one single-use link per user. */
export type FlowLinks = 'shared' | 'mailing';

/** A mailing's size: one SINGLE_USE process token per user, all in the data directory. */
export const mailingLinks = 100_000;
/** Journeys per second the bare ceiling's single-use tokens are sized for: above what it reaches. */
const bareJourneyRate = 8_000;
/** Requests in one journey (createFlowJourney): start, dry run, form answer, browser response. */
const requestsPerJourney = 4;

/**
 * The end user's path (createFlowJourney: start link → form → ceremony → success) through the
 * built-in `passkey-registration` process, Keyform against the bare ceiling's flow routes.
 * `shared`: every journey opens the same UNLIMITED link. `mailing`: each opens its own
 * SINGLE_USE link, taken in turn from 100,000 written into the data directory beforehand (and
 * handed to the bare ceiling, which gets enough for its own rate). Responses use the
 * `none` format the default policy asks for, from a small pool of keys.
 */
export async function flowScenario(ctx: BenchContext, links: FlowLinks): Promise<ComparedRow[]> {
  const began = performance.now();
  const dataDir = await mkdtemp(join(ctx.tmpDir, `flow-${links}-`));
  const keyformIds = await seedProcessTokens({
    dataDir,
    count: links === 'mailing' ? mailingLinks : 1,
    type: links === 'mailing' ? 'SINGLE_USE' : 'UNLIMITED',
  });
  const keyform = await startKeyform({ dataDir, prefix: ctx.pinning.serverPrefix });
  const bare = await startBare({ prefix: ctx.pinning.serverPrefix });
  const bareCount =
    links === 'mailing'
      ? Math.ceil((ctx.seconds + ctx.warmupSeconds) * bareJourneyRate) * ctx.connections.length
      : 1;
  const bareIds = Array.from({ length: bareCount }, (_, i) => `pt_bare${i}`);
  await bare.addProcessTokens(bareIds.map((id) => ({ id, singleUse: links === 'mailing' })));
  ctx.log(
    `  ${keyformIds.length} process token(s) written, server up in ` +
      `${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  if (links === 'mailing') ctx.log(`  ${await timeTokenCreation(keyform)}`);

  const build = createResponseBuilder({ format: 'none', origin: benchOrigin });
  const run = randomBytes(4).toString('hex');
  let users = 0;
  // One cursor per server for the whole scenario, so no single-use link is opened twice.
  const cursors = { keyform: tokenCursor(keyformIds, links), bare: tokenCursor(bareIds, links) };
  const side = (server: typeof keyform | typeof bare, connections: number) => {
    const cursor = cursors[server.kind];
    const journey = () =>
      createFlowJourney({
        takeToken: cursor.take,
        userName: () => `flow-${run}-${users++}`,
        build,
      });
    let current = journey();
    return {
      ...server,
      // An end user's browser: no API token.
      headers: { 'content-type': 'application/json' },
      requests: () => {
        current = journey();
        return current.requests;
      },
      journeys: (seconds: number) => current.stats(seconds),
      ...(links === 'mailing'
        ? { remaining: () => requestsPerJourney * cursor.remaining(connections) }
        : {}),
    };
  };
  const scenario =
    links === 'mailing'
      ? `flow (${mailingLinks / 1000}k single-use links)`
      : 'flow (one shared link)';
  return compareAtEachLoad(ctx, { scenario, keyform, bare, side });
}

/**
 * Hands out process tokens: the one shared link every time, or each single-use one once.
 * autocannon builds a connection's next journey's first request before it knows whether it will
 * send it, so up to two per connection go unused at the end of a run: `remaining` leaves that
 * margin. Past the end it answers an unknown token (a 404, counted).
 */
function tokenCursor(ids: string[], links: FlowLinks) {
  let next = 0;
  return {
    remaining: (connections: number) => ids.length - next - 2 * connections,
    take: () => (links === 'shared' ? ids[0]! : (ids[next++] ?? 'pt_exhausted')),
  };
}

/** What an integrator's mailing tool pays per link once the mailing's links exist (median of 5). */
async function timeTokenCreation(keyform: KeyformServer) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const began = performance.now();
    const response = await fetch(`${keyform.baseUrl}/api/process-manager/processTokens`, {
      method: 'POST',
      headers: keyform.adminHeaders,
      body: JSON.stringify({
        name: `mailing-extra-${i}`,
        processDefnName: 'passkey-registration',
        type: 'SINGLE_USE',
        parameters: { rpId: 'localhost', externalId: `mailing-extra-${i}` },
      }),
    });
    if (response.status !== 201) throw new Error(`token: ${response.status}`);
    times.push(performance.now() - began);
  }
  const median = [...times].sort((a, b) => a - b)[2]!;
  return `one more SINGLE_USE link through the API with ${mailingLinks} stored: ${median.toFixed(0)} ms (median of 5)`;
}
