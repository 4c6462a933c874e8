import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DurabilityLevel, RecordDurability, WriteTicket } from '../storage/RecordDurability';
import { StorageError } from '../storage/StorageError';
import { prepareErrorAnswer } from './handleError';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * How far this route's writes must have got before it answers. Every route waits until they
     * are on disk (`'durable'`), so what was acknowledged survives a crash or a power cut
     * (DESIGN §9). `'commit'` answers once they have committed instead: they outlive `kill -9`,
     * not necessarily a power cut, and the answer skips the disk's latency.
     *
     * Only a registration start has it: what it writes is a challenge that expires within
     * minutes (and, on a user's first start, the handle that challenge is for). Should a power
     * cut take them, the completion that follows finds no session and the start is simply made
     * again; nothing a user registered is lost, and a completion, which stores the passkey,
     * still waits for the disk.
     */
    acknowledge?: 'commit';
  }
  interface FastifyRequest {
    /** Where this request began among the record writes. */
    writeTicket?: WriteTicket;
  }
}

const levelOf = (request: FastifyRequest): DurabilityLevel =>
  request.routeOptions.config.acknowledge === 'commit' ? 'committed' : 'durable';

/**
 * No response leaves before this request's record writes have reached the level its route
 * declares (`acknowledge`), so nobody is shown a write that could still vanish. How storage gets
 * them there is its own business (RecordDurability). When it cannot, the answer becomes the
 * standard STORAGE_UNAVAILABLE error (handleError's, 503) in place of what the route sent.
 */
export function waitForDurableWrites(app: FastifyInstance, durability: RecordDurability) {
  app.addHook('onRequest', (request, _reply, done) => {
    request.writeTicket = durability.begin();
    done();
  });
  // A callback hook: the promise is shared by everybody waiting for the same commit or sync.
  app.addHook('onSend', (request, reply, payload, done) => {
    durability.reached(request.writeTicket ?? durability.begin(), levelOf(request)).then(
      () => done(null, payload),
      (error: unknown) => {
        (payload as { destroy?: () => void } | null)?.destroy?.();
        const failure =
          error instanceof StorageError
            ? error
            : new StorageError('STORAGE_UNAVAILABLE', 'record writes not durable', {
                cause: error,
              });
        // Not done(failure): on an answer that already was an error, fastify would pass it to
        // its own error handler instead of ours.
        const answer = prepareErrorAnswer(failure, request, reply);
        reply.removeHeader('content-length');
        reply.header('content-type', 'application/json; charset=utf-8');
        done(null, JSON.stringify(answer));
      },
    );
  });
}
