import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { openStorage } from '../../storage/openStorage';
import type {
  AuthenticationSessionRow,
  PasskeyRow,
  RegistrationSessionRow,
  UserHandleRow,
  UserRow,
} from '../../storage/RecordTables';
import type { SoftCredential } from '../../test/support/softAuthenticatorTypes';

export interface BenchSession {
  id: string;
  challenge: string;
}

const batch = 50_000;
const id = () => randomBytes(16).toString('base64url');
/** Random ids, sorted: every index then grows at its end, which makes a 1M fill take seconds. */
const sortedIds = (n: number, make = id) => Array.from({ length: n }, make).sort();

/**
 * Fill a data directory's record database directly through the storage layer's SQLite handle
 * (openStorage: lock, migrations, WAL), in big transactions: `users` users in store `default`,
 * each with one passkey and a user handle for RP `localhost` unless `withPasskeys` is false,
 * and one PENDING session per entry of `sessions` (for users taken in turn), as
 * startPasskeyRegistration would have left them; likewise one PENDING sign-in session per entry
 * of `authSessions`, as startPasskeyAuthentication would have left them for the user's passkey.
 * With `credentials` (one per user), the passkeys carry those credential IDs, user handles and
 * public keys, so assertions signed with their private keys verify.
 * Rows are typed by RecordTables, so a schema change breaks this at compile time.
 */
export async function fillRecords({
  dataDir,
  users,
  withPasskeys = true,
  sessions = [],
  credentials,
  authSessions = [],
}: {
  dataDir: string;
  users: number;
  /** Give each user a passkey and a user handle (a store that has onboarded them already). */
  withPasskeys?: boolean;
  sessions?: BenchSession[];
  /** The passkeys' credentials, user i's at index i (createSignInCredentials). */
  credentials?: Array<Pick<SoftCredential, 'id' | 'userHandle' | 'cosePublicKey'>>;
  /** PENDING sign-in sessions (by user id, RP `localhost`, policy `default`). */
  authSessions?: BenchSession[];
}) {
  if (credentials && credentials.length !== users) {
    throw new Error(`fillRecords: ${credentials.length} credentials for ${users} users`);
  }
  if (authSessions.length > 0 && !withPasskeys) {
    throw new Error('fillRecords: sign-in sessions need users with passkeys');
  }
  const started = performance.now();
  const userIds = sortedIds(users);
  const storage = await openStorage({ dataDir });
  const { sqlite } = storage;
  try {
    const now = new Date().toISOString();
    const scope = { tenant_id: 'default', store_name: 'default' };
    const handles = credentials
      ? credentials.map((c) => c.userHandle)
      : userIds.map(() => randomBytes(32).toString('base64url'));
    const randomKey = randomBytes(77).toString('base64url');
    const publicKeyOf = (i: number) =>
      credentials ? Buffer.from(credentials[i]!.cosePublicKey).toString('base64url') : randomKey;
    const insert = <Row extends object>(table: string, sample: Row) => {
      const columns = Object.keys(sample);
      const sql = `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`;
      return sqlite.prepare<Row>(sql);
    };
    const userRow = (i: number): Insertable<UserRow> => ({
      id: userIds[i]!,
      ...scope,
      user_key: `bench-${String(i).padStart(8, '0')}`,
      // foldUserKey of an ASCII lower-case key is the key itself.
      user_key_folded: `bench-${String(i).padStart(8, '0')}`,
      external_id: `bench-ext-${String(i).padStart(8, '0')}`,
      email: null,
      first_name: null,
      last_name: null,
      date_of_birth: null,
      locale: null,
      nationalities: null,
      status: 'ACTIVE',
      timezone: null,
      type: null,
      attributes: null,
      created_at: now,
      updated_at: now,
    });
    const handleRow = (i: number): UserHandleRow => ({
      tenant_id: 'default',
      user_id: userIds[i]!,
      rp_id: 'localhost',
      user_handle: handles[i]!,
    });
    const passkeyIds = sortedIds(users);
    const credentialIds = credentials
      ? credentials.map((c) => c.id)
      : sortedIds(users, () => randomBytes(32).toString('base64url'));
    const passkeyRow = (i: number): PasskeyRow => ({
      id: passkeyIds[i]!,
      ...scope,
      user_id: userIds[i]!,
      rp_id: 'localhost',
      credential_id: credentialIds[i]!,
      public_key: publicKeyOf(i),
      counter: 0,
      aaguid: '4b657966-6f72-6d2d-536f-667441757468',
      device_type: 'singleDevice',
      backed_up: 0,
      transports: '["internal"]',
      attestation_format: 'none',
      user_handle: handles[i]!,
      created_at: now,
      last_used_at: null,
      possibly_cloned: 0,
      nickname: null,
    });
    const expiresAt = Date.now() + 2 * 3_600_000;
    const sessionRow = ({ id, challenge }: BenchSession, n: number): RegistrationSessionRow => {
      const i = n % users;
      return {
        id,
        ...scope,
        rp_id: 'localhost',
        policy_name: 'default',
        user_id: userIds[i]!,
        new_user: null,
        user_handle: handles[i]!,
        challenge,
        client_request: clientRequest(challenge, handles[i]!, `bench-${i}`),
        state: 'PENDING',
        attempts: 0,
        expires_at: expiresAt,
        created_at: now,
        updated_at: now,
        response_hash: null,
        result: null,
        failure_code: null,
      };
    };
    const authSessionRow = (
      { id, challenge }: BenchSession,
      n: number,
    ): AuthenticationSessionRow => ({
      id,
      ...scope,
      rp_id: 'localhost',
      policy_name: 'default',
      user_id: userIds[n % users]!,
      started_with: 'createPasskeyAuthenticationForUser',
      challenge,
      client_request: requestOptions(challenge, credentialIds[n % users]!),
      state: 'PENDING',
      attempts: 0,
      expires_at: expiresAt,
      created_at: now,
      updated_at: now,
      response_hash: null,
      result: null,
      failure_code: null,
      passkey_id: null,
      link_hash: null,
    });

    const fill = <Row extends object>(table: string, count: number, row: (i: number) => Row) => {
      if (count === 0) return;
      const statement = insert(table, row(0));
      const many = sqlite.transaction((from: number, to: number) => {
        for (let i = from; i < to; i++) statement.run(row(i));
      });
      for (let from = 0; from < count; from += batch) many(from, Math.min(count, from + batch));
    };
    fill('users', users, userRow);
    // A start keeps the user's handle, so users with sessions have one even without a passkey.
    fill('user_handles', withPasskeys || sessions.length > 0 ? users : 0, handleRow);
    fill('passkeys', withPasskeys ? users : 0, passkeyRow);
    fill('registration_sessions', sessions.length, (n) => sessionRow(sessions[n]!, n));
    fill('authentication_sessions', authSessions.length, (n) =>
      authSessionRow(authSessions[n]!, n),
    );
    // A server restarted after a clean stop finds everything in the main file, not the WAL.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await storage.close();
  }
  return { ms: performance.now() - started, userIds };
}

/** What startPasskeyRegistration stores as `client_request` for the default policy. */
function clientRequest(challenge: string, userHandle: string, userName: string) {
  return JSON.stringify({
    challenge,
    rp: { name: 'Keyform demo', id: 'localhost' },
    user: { id: userHandle, name: userName, displayName: userName },
    pubKeyCredParams: [
      { alg: -7, type: 'public-key' },
      { alg: -257, type: 'public-key' },
    ],
    timeout: 300_000,
    attestation: 'none',
    excludeCredentials: [],
    authenticatorSelection: {
      residentKey: 'required',
      userVerification: 'required',
      requireResidentKey: true,
    },
    extensions: { credProps: true },
    hints: [],
  });
}

/** What startPasskeyAuthentication stores as `client_request` for the default sign-in policy. */
function requestOptions(challenge: string, credentialId: string) {
  return JSON.stringify({
    rpId: 'localhost',
    challenge,
    allowCredentials: [{ id: credentialId, transports: ['internal'], type: 'public-key' }],
    timeout: 300_000,
    userVerification: 'required',
  });
}
