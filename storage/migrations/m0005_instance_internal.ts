import { type Kysely, sql } from 'kysely';

type Bag = Record<string, unknown>;

/**
 * `process_instances.internal`: the engine's own state of an instance (InstanceInternal), kept
 * out of the expression context. Registrations move there from the context, where each left
 * only its TrustX view (`startPasskeyRegistrationResponse`, `completePasskeyRegistrationResponse`),
 * so an instance under way when the version changes carries on where it was.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('process_instances')
    .addColumn('internal', 'text', (c) => c.notNull().defaultTo('{"registrations":{}}'))
    .execute();
  const { rows } = await sql<{ id: string; context: string }>`
    select id, context from process_instances
    where context like '%currentPasskeyRegistrationRecord%'`.execute(db);
  for (const row of rows) {
    const context = JSON.parse(row.context) as Bag;
    const registrations = bagAt(context, ['_identityStore', 'passkeys', 'registrations']) ?? {};
    const internal: { registrations: Bag } = { registrations: {} };
    for (const [key, entry] of Object.entries(registrations)) {
      const record = bagAt(entry, ['currentPasskeyRegistrationRecord']);
      if (!record?.request) continue;
      const started = bagAt(record, ['startPasskeyRegistrationResponse']);
      const completed = record.completePasskeyRegistrationResponse;
      const session = started
        ? {
            sessionId: started.sessionId,
            status: started.status,
            clientRequest: started.clientRequest,
            expiresAt: started.expiresAt,
          }
        : null;
      internal.registrations[key] = {
        request: record.request,
        session,
        ...(record.browserResponse !== undefined
          ? { browserResponse: record.browserResponse }
          : {}),
        ...(completed !== undefined ? { completion: completed } : {}),
      };
      registrations[key] = {
        currentPasskeyRegistrationRecord: {
          ...(session ? { startPasskeyRegistrationResponse: session } : {}),
          ...(completed !== undefined ? { completePasskeyRegistrationResponse: completed } : {}),
        },
      };
    }
    await sql`update process_instances
      set context = ${JSON.stringify(context)}, internal = ${JSON.stringify(internal)}
      where id = ${row.id}`.execute(db);
  }
}

function bagAt(value: unknown, path: string[]): Bag | undefined {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Bag)[key];
  }
  return current && typeof current === 'object' && !Array.isArray(current)
    ? (current as Bag)
    : undefined;
}
