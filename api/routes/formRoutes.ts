import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createFormVersion } from '../../forms/createFormVersion';
import { FormError } from '../../forms/FormError';
import { findFormVersion } from '../../forms/findFormVersion';
import { listFormNames, listFormVersions } from '../../forms/listFormVersions';
import { validateFormDefinition } from '../../forms/validateFormDefinition';
import { checkDraftFormData } from '../../runtime/engine/checkDraftFormData';
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
const uploadBodyLimit = 256 * 1024;
const UploadBody = Strict({
  // Optional here so that validateFormDefinition says why a version needs one.
  schema: Type.Optional(Loose),
  uischema: Type.Optional(Loose),
  i18n: Type.Optional(Loose),
  description: Type.Optional(Type.String()),
});
/** What uploading a version and its dry run share: permission, limits, params and body. */
const upload = {
  config: { access: { area: 'Forms', actions: ['create'] } },
  bodyLimit: uploadBodyLimit,
  schema: { tags, params: Type.Object({ formName: Name }), body: UploadBody },
};

export const formRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/forms/:formName/versions',
    {
      ...upload,
      schema: {
        ...upload.schema,
        summary: 'Upload a new immutable version of a JSON form',
        response: { 201: CreatedVersion, ...errorResponses },
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

  // `::` is find-my-way's literal colon: the path is `/api/forms/{formName}/versions:validate`.
  app.post(
    '/api/forms/:formName/versions::validate',
    {
      ...upload,
      schema: {
        ...upload.schema,
        summary:
          'Dry run of an upload: the same answer as uploading this body, but nothing is stored',
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      // The very check the upload runs (createFormVersion), without the store.
      const checked = validateFormDefinition({ definition: request.body });
      if (!checked.ok) throw checked.error;
      return { ok: true as const };
    },
  );

  app.post(
    '/api/forms/:formName/versions::validateData',
    {
      ...upload,
      // The definition's own cap, plus room for the data.
      bodyLimit: 2 * uploadBodyLimit,
      schema: {
        tags,
        summary:
          'Dry run of a form step for a definition not stored yet: the field errors submitting `data` would get',
        params: Type.Object({ formName: Name }),
        body: Strict({
          definition: UploadBody,
          data: Type.Optional(Type.Unknown()),
          locale: Type.Optional(Type.String({ maxLength: 35 })),
        }),
        response: {
          200: Type.Object({
            locale: Type.String(),
            errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      checkDraftFormData({
        definition: request.body.definition,
        data: request.body.data,
        locale: request.body.locale,
      }),
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
