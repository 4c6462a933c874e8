import { purgeExpiredSessions } from '../identity/purgeExpiredSessions';
import { purgeExpiredInstances } from '../runtime/engine/purgeExpiredInstances';
import { openStorage } from '../storage/openStorage';
import { StorageError } from '../storage/StorageError';
import { buildApp } from './buildApp';
import { loadConfig } from './loadConfig';
import { loggerOptions } from './loggerOptions';
import { seedDemo } from './seedDemo';

/** Listen and close; everything else is in buildApp. */
async function main() {
  const config = loadConfig();
  const storage = await openStorage({ dataDir: config.dataDir });
  const app = await buildApp({ storage, config, logger: loggerOptions() });
  const seeded = await seedDemo(app.deps, config);
  const purge = setInterval(() => {
    Promise.all([
      purgeExpiredSessions(app.deps),
      purgeExpiredInstances(app.deps),
      app.deps.records.consoleSessions.purgeExpired(app.deps.now()),
    ]).catch((error) => app.log.warn({ err: error }, 'purge failed'));
  }, 60_000);
  purge.unref();

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(purge);
    await app.close();
    await storage.close();
    // Everything is closed, so the process ends by itself once this turn is done.
    process.exitCode = 0;
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  printWelcome({ publicUrl: config.publicUrl, dataDir: config.dataDir, seeded });
}

function printWelcome({
  publicUrl,
  dataDir,
  seeded,
}: {
  publicUrl: string;
  dataDir: string;
  seeded: Awaited<ReturnType<typeof seedDemo>>;
}) {
  const { rootToken } = seeded;
  const lines = [
    '',
    `Console: ${publicUrl}/  (sign in with ${rootToken ? 'the root token below' : 'an API token, e.g. KEYFORM_ADMIN_TOKEN'})`,
    `Keyform is running on ${publicUrl}  (data in ${dataDir})`,
    ...(seeded.demo
      ? [
          `  Register a passkey:  ${seeded.startLink}`,
          `  Register with a custom page: ${seeded.pageStartLink}`,
          `  Sign in with it:     ${seeded.signInLink}`,
        ]
      : [`  ${seeded.notice}`]),
    `  API reference:       ${publicUrl}/docs`,
  ];
  if (rootToken) {
    lines.push(
      '',
      '  Root API token (shown once, stored only as a hash; set KEYFORM_ADMIN_TOKEN to use your own):',
      `    ${rootToken}`,
    );
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof StorageError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`keyform: cannot start: ${message}\n`);
  process.exitCode = 1;
});
