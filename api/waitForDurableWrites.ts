import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Records } from '../storage/openStorage';

const unavailable = JSON.stringify({
  error: { code: 'STORAGE_UNAVAILABLE', message: 'storage is unavailable; retry later' },
});

/**
 * onSend hook: no response leaves before every record write made until then is on disk, so what
 * was acknowledged survives a crash or a power cut (DESIGN §9), and nobody is shown a write that
 * could still vanish. Commits made while one sync runs share the next. A failed sync turns the
 * answer into the 503 it is.
 */
export function waitForDurableWrites(records: Pick<Records, 'durable'>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    try {
      await records.durable();
      return payload;
    } catch (error) {
      request.log.error({ err: error }, 'storage unavailable');
      (payload as { destroy?: () => void } | null)?.destroy?.();
      reply.removeHeader('content-length');
      reply.code(503).header('content-type', 'application/json; charset=utf-8');
      return unavailable;
    }
  };
}
