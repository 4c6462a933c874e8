import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createFormVersion } from '../../forms/createFormVersion';
import { FormError } from '../../forms/FormError';
import { findFormVersion } from '../../forms/findFormVersion';
import { listFormNames, listFormVersions } from '../../forms/listFormVersions';
import { CreatedVersion, errorResponses, Loose, Name, Strict } from '../schemas/common';
import { registerVersionListRoutes } from './registerVersionListRoutes';

const tags = ['Forms'];
const VersionSummary = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  builtin: Type.Boolean(),
});
const VersionFull = Type.Object({ ...VersionSummary.properties, definition: Loose });
const VersionParam = Type.String({ pattern: '^[1-9][0-9]{0,5}$' });
const read = { access: { area: 'Forms', actions: ['read'] } };

export const formRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/forms/:formName/versions',
    {
      config: { access: { area: 'Forms', actions: ['create'] } },
      bodyLimit: 256 * 1024,
      schema: {
        tags,
        summary: 'Upload a new immutable version of a JSON form',
        params: Type.Object({ formName: Name }),
        body: Strict({
          // Optional here so that validateFormDefinition says why a version needs one.
          schema: Type.Optional(Loose),
          uischema: Type.Optional(Loose),
          i18n: Type.Optional(Loose),
          description: Type.Optional(Type.String()),
        }),
        response: {
          201: CreatedVersion,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createFormVersion(app.deps, {
          tenantId: request.tenantId,
          name: request.params.formName,
          definition: request.body,
        }),
      ),
  );

  registerVersionListRoutes(app, {
    base: '/api/forms',
    param: 'formName',
    noun: 'form',
    tags,
    access: read.access,
    listNames: (tenantId) => listFormNames(app.deps, tenantId),
    listVersions: (tenantId, name) => listFormVersions(app.deps, { tenantId, name }),
    notFound: (name) => new FormError('FORM_NOT_FOUND', `form '${name}' not found`),
  });

  app.get(
    '/api/forms/:formName/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One form version with its definition',
        params: Type.Object({ formName: Name, version: VersionParam }),
        response: { 200: VersionFull, ...errorResponses },
      },
    },
    async (request) =>
      findFormVersion(app.deps, {
        tenantId: request.tenantId,
        name: request.params.formName,
        version: Number(request.params.version),
      }),
  );
};
