import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkProcessDefinitionUpload } from '../../runtime/definition/checkProcessDefinitionUpload';
import { createProcessDefinitionVersion } from '../../runtime/definition/createProcessDefinitionVersion';
import { createProcessToken, startAddress } from '../../runtime/definition/createProcessToken';
import {
  findProcessDefinition,
  listProcessDefinitionNames,
  listProcessDefinitionVersions,
} from '../../runtime/definition/findProcessDefinition';
import { describeInstance } from '../../runtime/engine/describeInstance';
import { startProcessInstance } from '../../runtime/engine/startProcessInstance';
import { RuntimeError } from '../../runtime/RuntimeError';
import {
  CreatedVersion,
  DateTime,
  errorResponses,
  Loose,
  Name,
  Page,
  PageQuery,
  ShortText,
  Strict,
} from '../schemas/common';
import { registerVersionListRoutes } from './registerVersionListRoutes';

const tags = ['Process manager'];
const access = (action: string) => ({ access: { area: 'ProcessManager', actions: [action] } });
const VersionSummary = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  builtin: Type.Boolean(),
});
const base = '/api/process-manager/processDefinitions';

export const processRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    `${base}/:name/versions`,
    {
      config: access('createDefinition'),
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary: 'Upload a new immutable version of a process definition',
        params: Type.Object({ name: Name }),
        body: Strict({ definition: Loose }),
        response: {
          201: CreatedVersion,
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createProcessDefinitionVersion(app.deps, {
          tenantId: request.tenantId,
          name: request.params.name,
          definition: request.body.definition,
        }),
      ),
  );

  // `::` is find-my-way's literal colon: the path is `{base}/{name}/versions:validate`.
  app.post(
    `${base}/:name/versions::validate`,
    {
      config: access('createDefinition'),
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary:
          'Dry run of an upload: the same answer as uploading this body, but nothing is stored',
        params: Type.Object({ name: Name }),
        body: Strict({ definition: Loose }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      checkProcessDefinitionUpload({
        name: request.params.name,
        definition: request.body.definition,
      });
      return { ok: true as const };
    },
  );

  registerVersionListRoutes(app, {
    base,
    param: 'name',
    noun: 'process definition',
    tags,
    access: access('readDefinition').access,
    listNames: (tenantId) => listProcessDefinitionNames(app.deps, tenantId),
    listVersions: (tenantId, name) => listProcessDefinitionVersions(app.deps, { tenantId, name }),
    notFound: (name) =>
      new RuntimeError('PROCESS_DEFINITION_NOT_FOUND', `process definition '${name}' not found`),
  });

  app.get(
    `${base}/:name/versions/:version`,
    {
      config: access('readDefinition'),
      schema: {
        tags,
        summary: 'One version with its definition',
        params: Type.Object({ name: Name, version: Type.String({ pattern: '^[1-9][0-9]{0,5}$' }) }),
        response: {
          200: Type.Object({ ...VersionSummary.properties, definition: Loose }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      findProcessDefinition(app.deps, {
        tenantId: request.tenantId,
        name: request.params.name,
        version: Number(request.params.version),
      }),
  );

  const TokenView = Type.Object({
    id: Type.String(),
    name: Type.String(),
    processDefnName: Type.String(),
    processDefnVersion: Type.Union([Type.Integer(), Type.Null()]),
    type: Type.String(),
    parameters: Loose,
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    usedAt: Type.Union([Type.String(), Type.Null()]),
    startProcessAddress: Type.String(),
  });
  app.post(
    '/api/process-manager/processTokens',
    {
      config: access('createToken'),
      schema: {
        tags,
        summary: 'Create a process token: a start link into a process definition',
        body: Strict({
          name: ShortText,
          processDefnName: Name,
          processDefnVersion: Type.Optional(Type.Integer({ minimum: 1 })),
          type: Type.Union([Type.Literal('UNLIMITED'), Type.Literal('SINGLE_USE')]),
          parameters: Type.Optional(
            Type.Object({}, { additionalProperties: true, maxProperties: 50 }),
          ),
          expiresAt: Type.Optional(DateTime),
        }),
        response: { 201: TokenView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { parameters, ...rest } = request.body;
      const token = await createProcessToken(app.deps, {
        tenantId: request.tenantId,
        ...rest,
        parameters: (parameters ?? {}) as Record<string, unknown>,
      });
      return reply.status(201).send(token);
    },
  );

  app.get(
    '/api/process-manager/processTokens',
    {
      config: access('readToken'),
      schema: {
        tags,
        summary: 'List process tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await app.deps.records.processTokens.list({ tenantId: request.tenantId })).map(
        (t) => ({ ...t, startProcessAddress: startAddress(app.config.publicUrl, t.id) }),
      ),
    }),
  );

  app.post(
    '/api/process-manager/processInstances/create',
    {
      config: access('createInstance'),
      schema: {
        tags,
        summary: 'Create an instance; hand `redirectUrl` (single use) to the end user',
        querystring: Type.Object(
          { pt: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ processInstanceId: Type.String(), redirectUrl: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { instance, secret } = await startProcessInstance(app.deps, {
        processTokenId: request.query.pt,
        tenantId: request.tenantId,
        via: 'api',
      });
      return reply.status(201).send({
        processInstanceId: instance.id,
        redirectUrl: `${app.config.publicUrl}/flow/${instance.id}/enter?c=${secret}`,
      });
    },
  );

  const InstanceState = Type.Union([
    Type.Literal('RUNNING'),
    Type.Literal('COMPLETED'),
    Type.Literal('FAILED'),
    Type.Literal('EXPIRED'),
  ]);
  app.get(
    '/api/process-manager/processInstances',
    {
      config: access('readInstance'),
      schema: {
        tags,
        summary: 'Recent instances, newest first; filter by process definition and state',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            definitionName: Type.Optional(Name),
            state: Type.Optional(InstanceState),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(
            Type.Object({
              id: Type.String(),
              definitionName: Type.String(),
              definitionVersion: Type.Integer(),
              state: InstanceState,
              cursor: Type.String({ description: 'the node the instance is at' }),
              decision: Type.Union([Type.String(), Type.Null()]),
              createdAt: Type.String(),
              updatedAt: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { page = '0', size = '20', definitionName, state } = request.query;
      const paging = { page: Number(page), size: Number(size) };
      const found = await app.deps.records.instances.list({
        tenantId: request.tenantId,
        definitionName,
        state,
        ...paging,
      });
      return { ...found, ...paging };
    },
  );

  app.get(
    '/api/process-manager/processInstances/:id',
    {
      config: access('readInstance'),
      schema: {
        tags,
        summary: 'Admin view: state, steps taken, captures (secrets redacted), decision',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses },
      },
    },
    async (request) =>
      describeInstance(app.deps, { tenantId: request.tenantId, id: request.params.id }),
  );
};
