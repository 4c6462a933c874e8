import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiErrorCodes } from '../../api/ApiError';
import { errorStatus } from '../../api/errorStatus';
import { handleError } from '../../api/handleError';
import { FormError, formErrorCodes } from '../../forms/FormError';
import { IdentityError, identityErrorCodes } from '../../identity/IdentityError';
import { PageError, pageErrorCodes } from '../../pages/PageError';
import { ExpressionError, expressionErrorCodes } from '../../runtime/expressions/ExpressionError';
import { RuntimeError, runtimeErrorCodes } from '../../runtime/RuntimeError';
import { StorageError, storageErrorCodes } from '../../storage/StorageError';

/** Every domain error class with every code of its union, and how to throw one. */
const domains: Record<string, { codes: readonly string[]; make: (code: string) => Error }> = {
  IdentityError: {
    codes: identityErrorCodes,
    make: (code) => new IdentityError(code as never, `identity ${code}`),
  },
  FormError: {
    codes: formErrorCodes,
    make: (code) => new FormError(code as never, `form ${code}`),
  },
  PageError: {
    codes: pageErrorCodes,
    make: (code) => new PageError(code as never, `page ${code}`),
  },
  RuntimeError: {
    codes: runtimeErrorCodes,
    make: (code) => new RuntimeError(code as never, `runtime ${code}`),
  },
  ExpressionError: {
    codes: expressionErrorCodes,
    make: (code) => new ExpressionError(code as never, `expression ${code}`, { expression: 'a' }),
  },
  StorageError: {
    codes: storageErrorCodes,
    make: (code) => new StorageError(code as never, `storage ${code} at /secret/path`),
  },
  ApiError: { codes: apiErrorCodes, make: (code) => new ApiError(code as never, `api ${code}`) },
};

const app = Fastify();
beforeAll(async () => {
  app.setErrorHandler(handleError);
  app.get<{ Params: { domain: string; code: string } }>('/throw/:domain/:code', async (request) => {
    throw domains[request.params.domain]!.make(request.params.code);
  });
  await app.ready();
});
afterAll(async () => app.close());

const cases = Object.entries(domains).flatMap(([domain, { codes }]) =>
  codes.map((code) => [domain, code] as const),
);

describe('every error code of every domain', () => {
  it('has a 4xx or 5xx status in the one mapping', () => {
    for (const [, code] of cases) {
      const status = (errorStatus as Record<string, number>)[code];
      expect({ code, status }).toEqual({ code, status: expect.any(Number) });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it('is the whole mapping: no status for a code no domain lists', () => {
    const listed = new Set(cases.map(([, code]) => code));
    expect(Object.keys(errorStatus).filter((code) => !listed.has(code))).toEqual([]);
  });

  it.each(cases)('%s %s leaves with its status in the one error shape', async (domain, code) => {
    const reply = await app.inject({ method: 'GET', url: `/throw/${domain}/${code}` });
    const body = reply.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error.message).toBe('string');
    // Storage errors never say which file or why: one retryable code for all of them.
    const expected = domain === 'StorageError' ? 'STORAGE_UNAVAILABLE' : code;
    expect({ status: reply.statusCode, code: body.error.code }).toEqual({
      status: errorStatus[expected as keyof typeof errorStatus],
      code: expected,
    });
    expect(body.error.message).not.toContain('/secret/path');
  });
});

describe('the error classes runtime/ can throw', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const runtimeDir = new URL('../../runtime', import.meta.url).pathname;
  const text = sources(runtimeDir).map((file) => readFileSync(file, 'utf8'));

  it('are all mapped domain classes (a new class must join `domains` above)', () => {
    const declared = text.flatMap((source) =>
      [...source.matchAll(/class (\w+Error)\b/g)].map((m) => m[1]),
    );
    expect(declared.filter((name) => !(name! in domains))).toEqual([]);
  });

  it('throw only mapped classes, or a built-in error for a broken contract', () => {
    // TypeError: unreachable evaluator branch; Error: a broken built-in fails at start-up.
    const contractBreaks = new Set(['TypeError', 'Error']);
    const thrown = text.flatMap((source) =>
      [...source.matchAll(/throw new (\w+)\(/g)].map((m) => m[1]!),
    );
    expect(thrown.filter((name) => !(name in domains) && !contractBreaks.has(name))).toEqual([]);
  });
});
