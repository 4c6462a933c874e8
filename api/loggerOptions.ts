import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: authorization and cookies redacted, and URLs logged without their query
 * string, where link tokens travel, nor a start link's token (DESIGN §3: no secret in logs).
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
        // A start link is a bearer link too: a SINGLE_USE one starts a journey for whoever
        // opens it first, so its token is cut from the path.
        url: req.url.split('?')[0]!.replace(/^(\/(?:api\/flow\/)?start\/)[^/]+/, '$1[redacted]'),
        ip: req.ip,
      }),
    },
  };
}
