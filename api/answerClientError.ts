import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from './errorStatus';
import { errorStatus } from './errorStatus';

/** Node's HTTP parser errors, before fastify has a request: which of our codes each is. */
const parserCodes: Record<string, { code: ErrorCode; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'the request took too long' },
  HPE_HEADER_OVERFLOW: { code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' },
};

/**
 * fastify's `clientErrorHandler`: a request node's HTTP parser refused (malformed request line
 * or header, headers too large, too slow) gets the one error shape too, written to the socket
 * since no fastify reply exists yet. A reset or closed connection gets nothing.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { code, message } = parserCodes[error.code ?? ''] ?? {
    code: 'BAD_REQUEST' as const,
    message: 'the request is not valid HTTP',
  };
  const status = errorStatus[code];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
