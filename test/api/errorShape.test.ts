import { connect } from 'node:net';
import Fastify from 'fastify';
import inject from 'light-my-request';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorStatus } from '../../api/errorStatus';
import { handleError } from '../../api/handleError';
import { buildTestApp, type Json, type TestApp } from '../support/buildTestApp';

/** The one shape (DESIGN §3), with the status the one mapping gives its code. */
function expectOneShape(status: number, body: Json, code: string) {
  expect(Object.keys(body)).toEqual(['error']);
  const keys = Object.keys(body.error);
  expect(keys.filter((k) => !['code', 'message', 'details'].includes(k))).toEqual([]);
  expect(typeof body.error.message).toBe('string');
  expect({ status, code: body.error.code }).toEqual({
    status: errorStatus[code as keyof typeof errorStatus],
    code,
  });
  // fastify's own shape and internals never leak: no FST_ codes, no `statusCode`.
  expect(JSON.stringify(body)).not.toMatch(/FST_|statusCode|node_modules/);
}

const json = (payload: string, extra: Record<string, string> = {}) => ({
  payload,
  headers: { 'content-type': 'application/json', ...extra },
});

describe("fastify's own errors leave in the one shape", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  it.each([
    ['a path with bad percent-encoding', 'GET', '/api/forms/%zz', {}, 'BAD_URL'],
    ['a truncated UTF-8 escape', 'GET', '/api/flow/%E0%A4%A/step', {}, 'BAD_URL'],
    ['an over-long path parameter', 'GET', `/api/forms/${'a'.repeat(600)}`, {}, 'URL_TOO_LONG'],
    ['an unknown route', 'GET', '/no/such/route', {}, 'ROUTE_NOT_FOUND'],
    ['OPTIONS on an unknown route', 'OPTIONS', '/no/such/route', {}, 'ROUTE_NOT_FOUND'],
    ['an unknown method', 'PROPFIND', '/health', {}, 'ROUTE_NOT_FOUND'],
    ['invalid JSON', 'POST', '/api/tenants', json('{"id":'), 'INVALID_BODY'],
    ['a __proto__ key', 'POST', '/api/tenants', json('{"__proto__":{"x":1}}'), 'INVALID_BODY'],
    [
      'a content-length that does not match',
      'POST',
      '/api/tenants',
      json('{}', { 'content-length': '1000' }),
      'INVALID_BODY',
    ],
    [
      'an unsupported media type',
      'POST',
      '/api/tenants',
      { payload: '<id/>', headers: { 'content-type': 'application/xml' } },
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      'POST',
      '/api/tenants',
      json(JSON.stringify({ id: 'x'.repeat(70_000) })),
      'BODY_TOO_LARGE',
    ],
  ] as const)('%s', async (_label, method, url, options, code) => {
    const { payload, headers } = options as { payload?: string; headers?: Record<string, string> };
    const reply = await t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: { authorization: `Bearer ${t.rootToken}`, ...headers },
    });
    expectOneShape(reply.statusCode, reply.json(), code);
  });

  it('answers HEAD on an unknown route with the 404 status (and, being HEAD, no body)', async () => {
    const head = await t.app.inject({ method: 'HEAD', url: '/no/such/route' });
    expect(head.statusCode).toBe(404);
    expect(head.body).toBe('');
    expect((await t.app.inject({ method: 'HEAD', url: '/health' })).statusCode).toBe(200);
  });

  it("answers node's HTTP parser errors in the one shape, on the socket", async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const raw = (request: string) =>
      new Promise<{ status: number; body: Json }>((done, fail) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
        });
        socket.on('error', fail);
        socket.on('close', () => {
          const [head = '', body = ''] = text.split('\r\n\r\n');
          done({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
        });
        socket.write(request);
      });
    const invalidHeader = await raw('GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n');
    expectOneShape(invalidHeader.status, invalidHeader.body, 'BAD_REQUEST');
    const notHttp = await raw('HELLO THERE\r\n\r\n');
    expectOneShape(notHttp.status, notHttp.body, 'BAD_REQUEST');
    const hugeHeader = await raw(
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectOneShape(hugeHeader.status, hugeHeader.body, 'HEADERS_TOO_LARGE');
    const badUrl = await raw('GET /api/forms/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectOneShape(badUrl.status, badUrl.body, 'BAD_URL');
  });

  it('refuses a request that arrives while the server closes with a 503 in the one shape', async () => {
    const closed = t.app.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // `inject` itself refuses a closing app; the request handler is what a socket would reach.
    const reply = await inject(t.app.routing, { method: 'GET', url: '/health' });
    expectOneShape(reply.statusCode, reply.json(), 'SERVER_CLOSING');
    expect(reply.headers.connection).toBe('close');
    await closed;
  });
});

describe('fastify errors without an entry of their own', () => {
  const app = Fastify();
  afterAll(async () => app.close());
  app.setErrorHandler(handleError);
  app.get<{ Querystring: { status: string; code: string } }>('/throw', async (request) => {
    throw Object.assign(new Error('internal detail at /srv/keyform/lib.js:12'), {
      code: request.query.code,
      statusCode: Number(request.query.status),
    });
  });

  it.each([
    ['FST_ERR_SOMETHING_NEW', 400, 'BAD_REQUEST'],
    ['FST_ERR_SOMETHING_NEW', 422, 'BAD_REQUEST'],
    ['FST_ERR_SOMETHING_NEW', 413, 'BODY_TOO_LARGE'],
    ['FST_PARTS_LIMIT', 413, 'BODY_TOO_LARGE'],
    ['FST_ERR_SOMETHING_NEW', 408, 'REQUEST_TIMEOUT'],
    ['FST_ERR_SOMETHING_NEW', 500, 'INTERNAL_ERROR'],
    ['FST_ERR_HANDLER_TIMEOUT', 503, 'INTERNAL_ERROR'],
  ])('maps %s (%i) to %s without its message', async (code, status, expected) => {
    const reply = await app.inject({ method: 'GET', url: `/throw?code=${code}&status=${status}` });
    expectOneShape(reply.statusCode, reply.json(), expected);
    expect(reply.body).not.toContain('/srv/keyform');
  });
});
