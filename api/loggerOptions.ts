import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: authorization and cookies redacted, and URLs logged without their query
 * string, where link tokens travel (DESIGN §3: no secret in logs).
 */
export function loggerOptions(
  level = process.env.LOG_LEVEL ?? 'info',
): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}
