import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../api/handleError';

/** A recursive walk with no depth bound: what any unbounded walker does on hostile nesting. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('a RangeError while handling a request', () => {
  it('is a 400 INPUT_TOO_COMPLEX in the one error shape, never a 500', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleError);
    app.post('/walk', async (request) => ({ depth: depthOf(request.body) }));
    try {
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const reply = await app.inject({
        method: 'POST',
        url: '/walk',
        headers: { 'content-type': 'application/json' },
        payload: deep,
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toEqual({
        error: { code: 'INPUT_TOO_COMPLEX', message: expect.any(String) },
      });
      // The same route still answers ordinary input.
      const shallow = await app.inject({ method: 'POST', url: '/walk', payload: { a: { b: 1 } } });
      expect(shallow.json()).toEqual({ depth: 2 });
    } finally {
      await app.close();
    }
  });
});
