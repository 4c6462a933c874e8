/**
 * The bare ceiling: a minimal fastify server doing only the library work of a registration, so
 * Keyform can be reported as a fraction of it. Start = generateRegistrationOptions + a Map;
 * complete = verifyRegistrationResponse + a Map. Same options and expectations as Keyform's
 * default policy. No auth, no storage, no schemas: what is left is the ceiling. The end-user
 * flow's round trips do the same library work (registerBareFlowRoutes.ts). Sign-in: start =
 * generateAuthenticationOptions + a Map, complete = verifyAuthenticationResponse + a Map
 * (registerBareSignInRoutes.ts), with Keyform's default sign-in policy.
 * Env: PORT, ORIGIN (the expected WebAuthn origin), RP_ID.
 */
import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import Fastify from 'fastify';
import { createBareAuthentication } from './createBareAuthentication';
import { createBareRegistration } from './createBareRegistration';
import { registerBareFlowRoutes } from './registerBareFlowRoutes';
import { registerBareSignInRoutes } from './registerBareSignInRoutes';

const port = Number(process.env.PORT ?? 3100);
const origin = process.env.ORIGIN ?? 'http://localhost:3000';
const rpID = process.env.RP_ID ?? 'localhost';

const users = new Map<string, { id: string; userKey: string }>();
const sessions = new Map<string, string>();
const registration = createBareRegistration({ origin, rpID });
const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Body: { userKey: string } }>('/users', async (request, reply) => {
  const user = { id: randomBytes(16).toString('base64url'), userKey: request.body.userKey };
  users.set(user.id, user);
  return reply.status(201).send(user);
});

app.post<{ Params: { userId: string } }>('/users/:userId/start', async (request, reply) => {
  const clientRequest = await registration.options(
    users.get(request.params.userId)?.userKey ?? request.params.userId,
  );
  const sessionId = randomBytes(16).toString('base64url');
  sessions.set(sessionId, clientRequest.challenge);
  return reply.status(201).send({ sessionId, status: 'PENDING', clientRequest });
});

app.post<{ Params: { sessionId: string }; Body: { clientResponse: RegistrationResponseJSON } }>(
  '/sessions/:sessionId',
  async (request, reply) => {
    const { sessionId } = request.params;
    const challenge = sessions.get(sessionId);
    if (!challenge) return reply.status(404).send({ error: { code: 'SESSION_NOT_FOUND' } });
    sessions.delete(sessionId);
    const verified = await registration.verify(request.body.clientResponse, challenge);
    if (!verified) return reply.status(400).send({ error: { code: 'ATTESTATION_INVALID' } });
    const { credential, aaguid } = verified;
    return {
      sessionId,
      status: 'COMPLETED',
      passkey: { id: randomBytes(16).toString('base64url'), credentialId: credential.id, aaguid },
    };
  },
);

/** Bench setup only, never timed: sessions whose responses were built in advance. */
app.post<{ Body: Array<{ id: string; challenge: string }> }>('/bench/sessions', async (request) => {
  for (const { id, challenge } of request.body) sessions.set(id, challenge);
  return { sessions: sessions.size };
});

registerBareFlowRoutes(app, registration);
registerBareSignInRoutes(app, createBareAuthentication({ origin, rpID }));

await app.listen({ port, host: '127.0.0.1' });
