import { randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import type { createBareAuthentication } from './createBareAuthentication';

type Authentication = ReturnType<typeof createBareAuthentication>;

interface BarePasskey {
  id: string;
  userId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
}

/**
 * The bare ceiling's passkey sign-in, beside its registration routes: start = the user's
 * credentials from a Map, generateAuthenticationOptions and a Map write; complete = the session
 * taken from a Map, the credential looked up (it must be the session user's),
 * verifyAuthenticationResponse with the stored counter, the counter written back. No auth, no
 * storage, no schemas. Setup routes (never timed) load the passkeys and PENDING sessions that
 * Keyform finds in its store.
 */
export function registerBareSignInRoutes(app: FastifyInstance, authentication: Authentication) {
  /** Credential ID → passkey; user id → that user's credentials, as allowCredentials lists them. */
  const passkeys = new Map<string, BarePasskey>();
  const byUser = new Map<string, Array<{ id: string; transports: ['internal'] }>>();
  const sessions = new Map<string, { challenge: string; userId: string }>();

  app.post<{ Params: { userId: string } }>(
    '/users/:userId/authentications',
    async (request, reply) => {
      const { userId } = request.params;
      const allowed = byUser.get(userId);
      if (!allowed) return reply.status(404).send({ error: { code: 'NO_PASSKEY' } });
      const clientRequest = await authentication.options(allowed);
      const sessionId = randomBytes(16).toString('base64url');
      sessions.set(sessionId, { challenge: clientRequest.challenge, userId });
      return reply.status(201).send({ sessionId, status: 'PENDING', clientRequest });
    },
  );

  app.post<{ Params: { sessionId: string }; Body: { clientResponse: AuthenticationResponseJSON } }>(
    '/authentications/:sessionId',
    async (request, reply) => {
      const { sessionId } = request.params;
      const session = sessions.get(sessionId);
      if (!session) return reply.status(404).send({ error: { code: 'SESSION_NOT_FOUND' } });
      sessions.delete(sessionId);
      const { clientResponse } = request.body;
      const passkey = passkeys.get(clientResponse.id);
      if (!passkey || passkey.userId !== session.userId) {
        return reply.status(400).send({ error: { code: 'CREDENTIAL_NOT_ALLOWED' } });
      }
      const verified = await authentication.verify(clientResponse, session.challenge, passkey);
      if (!verified) return reply.status(400).send({ error: { code: 'SIGNATURE_INVALID' } });
      passkey.counter = verified.newCounter;
      return {
        sessionId,
        status: 'COMPLETED',
        userId: passkey.userId,
        passkeyId: passkey.id,
        userVerified: verified.userVerified,
        backedUp: verified.credentialBackedUp,
        authenticatedAt: new Date().toISOString(),
      };
    },
  );

  /** Bench setup only: passkeys (public keys as base64url COSE), as fillRecords stored them. */
  app.post<{ Body: Array<{ userId: string; credentialId: string; publicKey: string }> }>(
    '/bench/signIn/passkeys',
    async (request) => {
      for (const { userId, credentialId, publicKey } of request.body) {
        passkeys.set(credentialId, {
          id: credentialId,
          userId,
          publicKey: new Uint8Array(Buffer.from(publicKey, 'base64url')),
          counter: 0,
        });
        byUser.set(userId, [
          ...(byUser.get(userId) ?? []),
          { id: credentialId, transports: ['internal'] },
        ]);
      }
      return { passkeys: passkeys.size };
    },
  );

  /** Bench setup only: PENDING sign-in sessions whose assertions were built in advance. */
  app.post<{ Body: Array<{ id: string; challenge: string; userId: string }> }>(
    '/bench/signIn/sessions',
    async (request) => {
      for (const { id, challenge, userId } of request.body) sessions.set(id, { challenge, userId });
      return { sessions: sessions.size };
    },
  );
}
