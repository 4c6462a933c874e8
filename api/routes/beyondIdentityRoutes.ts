import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { BindingDeps } from '../../identity/binding/BindingDeps';
import { createMailer } from '../../identity/binding/mail/createMailer';
import type { Storage } from '../../storage/openStorage';
import { authenticatorConfigRoutes } from './v1/authenticatorConfigRoutes';
import { bindingJobRoutes } from './v1/bindingJobRoutes';
import { bindingLinkRoutes } from './v1/bindingLinkRoutes';
import { identityRoutes } from './v1/identityRoutes';

/**
 * The Beyond Identity-compatible `/v1` API (DESIGN §8): identities, authenticator configs,
 * credential binding jobs and their links, over the same users and registration engine as the
 * native API. Mail goes over KEYFORM_SMTP_URL, else into `<dataDir>/outbox`.
 */
export const beyondIdentityRoutes: FastifyPluginAsyncTypebox<{ storage: Storage }> = async (
  app,
  { storage },
) => {
  const { config } = app;
  const deps: BindingDeps = {
    ...app.deps,
    binding: storage.binding,
    publicUrl: config.publicUrl,
    mailer: createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: join(storage.dataDir, 'outbox'),
      log: (fields, message) => app.log.info(fields, message),
      warn: (fields, message) => app.log.warn(fields, message),
    }),
    bindingTtlSeconds: config.bindingTtlSeconds,
    bindingMaxTtlSeconds: config.bindingMaxTtlSeconds,
    templateDir: join(storage.dataDir, 'templates'),
  };
  await app.register(identityRoutes, { deps });
  await app.register(authenticatorConfigRoutes, { deps });
  await app.register(bindingJobRoutes, { deps });
  await app.register(bindingLinkRoutes, { deps });
};
