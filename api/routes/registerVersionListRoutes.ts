import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RouteAccess } from '../authorize';
import { errorResponses, Name } from '../schemas/common';

const VersionSummary = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  builtin: Type.Boolean(),
});

type Summary = { version: number; sha256: string; createdAt: string; builtin: boolean };

/**
 * The listing routes every versioned definition has (forms, processes, pages):
 * `GET {base}` (names with their latest version), `GET {base}/:{param}` and
 * `GET {base}/:{param}/versions` (the versions of one, oldest first).
 */
export function registerVersionListRoutes(
  app: FastifyInstance,
  {
    base,
    param,
    noun,
    tags,
    access,
    listNames,
    listVersions,
    notFound,
  }: {
    base: string;
    param: string;
    noun: string;
    tags: string[];
    access: RouteAccess;
    listNames: (tenantId: string) => string[];
    listVersions: (tenantId: string, name: string) => Summary[];
    notFound: (name: string) => Error;
  },
) {
  app.get(
    base,
    {
      config: { access },
      schema: {
        tags,
        summary: `List ${noun}s`,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ name: Type.String(), latestVersion: Type.Integer() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: listNames(request.tenantId).map((name) => ({
        name,
        latestVersion: listVersions(request.tenantId, name).at(-1)?.version ?? 0,
      })),
    }),
  );

  const versions = async (tenantId: string, name: string) => {
    const items = listVersions(tenantId, name);
    if (items.length === 0) throw notFound(name);
    return {
      name,
      items: items.map(({ version, sha256, createdAt, builtin }) => ({
        name,
        version,
        sha256,
        createdAt,
        builtin,
      })),
    };
  };
  const schema = {
    tags,
    params: Type.Object({ [param]: Name }),
    response: {
      200: Type.Object({ name: Type.String(), items: Type.Array(VersionSummary) }),
      ...errorResponses,
    },
  };
  const nameOf = (params: unknown) => (params as Record<string, string>)[param] ?? '';
  app.get(
    `${base}/:${param}`,
    { config: { access }, schema: { ...schema, summary: `A ${noun} and its versions` } },
    async (request) => versions(request.tenantId, nameOf(request.params)),
  );
  app.get(
    `${base}/:${param}/versions`,
    { config: { access }, schema: { ...schema, summary: `The versions of a ${noun}` } },
    async (request) => versions(request.tenantId, nameOf(request.params)),
  );
}
