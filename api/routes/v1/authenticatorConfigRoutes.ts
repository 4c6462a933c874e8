import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { BindingDeps } from '../../../identity/binding/BindingDeps';
import { createAuthenticatorConfig } from '../../../identity/binding/createAuthenticatorConfig';
import { deleteAuthenticatorConfig } from '../../../identity/binding/deleteAuthenticatorConfig';
import {
  findAuthenticatorConfig,
  listAuthenticatorConfigs,
} from '../../../identity/binding/findAuthenticatorConfig';
import { toAuthenticatorConfigView } from '../../../identity/binding/toAuthenticatorConfigView';
import {
  AuthenticatorConfigBody,
  AuthenticatorConfigView,
  bindingErrors,
  ConfigParams,
  TenantParams,
} from '../../schemas/binding';
import { realmOf, scopeAccess } from './scopeAccess';

const tags = ['Beyond Identity: authenticator configs'];
const base = '/v1/tenants/:tenant/realms/:realm/authenticator-configs';

/** Where binding links lead: `hosted-web` (built in, Keyform's `/bind` page) or an integrator's page. */
export const authenticatorConfigRoutes: FastifyPluginAsyncTypebox<{ deps: BindingDeps }> = async (
  app,
  { deps },
) => {
  const view = (config: Parameters<typeof toAuthenticatorConfigView>[0]) =>
    toAuthenticatorConfigView(config, deps.publicUrl);

  app.post(
    base,
    {
      config: scopeAccess('authenticator-configs:create'),
      schema: {
        tags,
        summary: 'Create an authenticator config (embedded: your page runs the SDK)',
        params: TenantParams,
        body: AuthenticatorConfigBody,
        response: { 200: AuthenticatorConfigView, ...bindingErrors },
      },
    },
    async (request) => {
      const { display_name, config, rp_id, registration_policy } =
        request.body.authenticator_config;
      const created = await createAuthenticatorConfig(deps, {
        ...realmOf(request.params),
        input: {
          displayName: display_name,
          type: config.type,
          invokeUrl: config.invoke_url,
          trustedOrigins: config.trusted_origins,
          invocationType: config.invocation_type,
          rpId: rp_id,
          registrationPolicy: registration_policy,
        },
      });
      return view(created);
    },
  );

  app.get(
    base,
    {
      config: scopeAccess('authenticator-configs:read'),
      schema: {
        tags,
        summary: "List the realm's authenticator configs (the built-in `hosted-web` first)",
        params: TenantParams,
        response: {
          200: Type.Object({
            authenticator_configs: Type.Array(AuthenticatorConfigView),
            total_size: Type.Integer(),
          }),
          ...bindingErrors,
        },
      },
    },
    async (request) => {
      const configs = listAuthenticatorConfigs(deps, realmOf(request.params));
      return { authenticator_configs: configs.map(view), total_size: configs.length };
    },
  );

  app.get(
    `${base}/:configId`,
    {
      config: scopeAccess('authenticator-configs:read'),
      schema: {
        tags,
        summary: 'Get an authenticator config',
        params: ConfigParams,
        response: { 200: AuthenticatorConfigView, ...bindingErrors },
      },
    },
    async (request) =>
      view(
        findAuthenticatorConfig(deps, { ...realmOf(request.params), id: request.params.configId }),
      ),
  );

  app.delete(
    `${base}/:configId`,
    {
      config: scopeAccess('authenticator-configs:delete'),
      schema: {
        tags,
        summary: 'Delete an authenticator config (its open links stop working)',
        params: ConfigParams,
        response: { 204: Type.Null(), ...bindingErrors },
      },
    },
    async (request, reply) => {
      await deleteAuthenticatorConfig(deps, {
        ...realmOf(request.params),
        id: request.params.configId,
      });
      return reply.status(204).send(null);
    },
  );
};
