import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildPageUrl } from '../../pages/buildPageUrl';
import { createPageVersion } from '../../pages/createPageVersion';
import { findPageVersion } from '../../pages/findPageVersion';
import { listPageNames } from '../../pages/listPageNames';
import { listPageVersions } from '../../pages/listPageVersions';
import { PageError } from '../../pages/PageError';
import { pageBundleLimits } from '../../pages/pageBundleLimits';
import { readPageUpload } from '../readPageUpload';
import { errorResponses, Name, Strict } from '../schemas/common';
import { registerVersionListRoutes } from './registerVersionListRoutes';

const tags = ['Pages'];
const PageFile = Type.Object({
  path: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
});
const VersionSummary = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  builtin: Type.Boolean(),
});
const VersionFull = Type.Object({
  ...VersionSummary.properties,
  files: Type.Array(PageFile),
  url: Type.String({ description: 'where index.html of this version is served' }),
});
const VersionParam = Type.String({ pattern: '^[1-9][0-9]{0,5}$' });
const FilesBody = Strict({
  files: Type.Record(
    Type.String({ minLength: 1, maxLength: 200 }),
    Type.String({ description: 'the file, base64' }),
    // The count is validatePageBundle's to judge (413, like every cap); the body limit bounds it.
    { minProperties: 1 },
  ),
});
const read = { access: { area: 'Pages', actions: ['read'] } };

/**
 * Page versions (DESIGN §7): upload a bundle as multipart files, a zip or `{files: {path:
 * base64}}`; list and read versions. Multipart and zip parsing live in this plugin's scope only.
 */
export const pageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart);
  // Room for the largest bundle, base64-encoded in JSON, or zipped without compression.
  const bodyLimit = Math.ceil((pageBundleLimits.maxBundleBytes * 4) / 3) + 64 * 1024;
  app.addContentTypeParser(
    ['application/zip', 'application/x-zip-compressed'],
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => done(null, body),
  );
  const urlOf = (tenantId: string, name: string, version: number) =>
    buildPageUrl({ base: app.deps.pagesOrigin ?? app.deps.publicUrl, tenantId, name, version });

  app.post(
    '/api/pages/:pageName/versions',
    {
      config: { access: { area: 'Pages', actions: ['create'] } },
      bodyLimit,
      schema: {
        tags,
        summary: 'Upload a new immutable version of a custom page bundle',
        description:
          'multipart/form-data file parts (the filename is the path; one .zip part is unzipped), an application/zip body, or JSON {files: {path: base64}}. index.html at the root; html, js, css, json, svg, png, jpg, webp, woff2, map only.',
        consumes: ['multipart/form-data', 'application/zip', 'application/json'],
        params: Type.Object({ pageName: Name }),
        body: { content: { 'application/json': { schema: FilesBody } } },
        response: { 201: VersionFull, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenantId } = request;
      const name = request.params.pageName;
      const files = await readPageUpload(request);
      const created = await createPageVersion(app.deps, { tenantId, name, files });
      return reply
        .status(201)
        .send({ ...created, builtin: false, url: urlOf(tenantId, name, created.version) });
    },
  );

  registerVersionListRoutes(app, {
    base: '/api/pages',
    param: 'pageName',
    noun: 'page',
    tags,
    access: read.access,
    listNames: (tenantId) => listPageNames(app.deps, { tenantId }),
    listVersions: (tenantId, name) => listPageVersions(app.deps, { tenantId, name }),
    notFound: (name) => new PageError('PAGE_NOT_FOUND', `page '${name}' not found`),
  });

  app.get(
    '/api/pages/:pageName/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One page version with its files',
        params: Type.Object({ pageName: Name, version: VersionParam }),
        response: { 200: VersionFull, ...errorResponses },
      },
    },
    async (request) => {
      const { tenantId } = request;
      const found = findPageVersion(app.deps, {
        tenantId,
        name: request.params.pageName,
        version: Number(request.params.version),
      });
      return { ...found, url: urlOf(tenantId, found.name, found.version) };
    },
  );
};
