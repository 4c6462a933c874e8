import { cancelPasskeyAuthentication } from '../../../identity/cancelPasskeyAuthentication';
import { completePasskeyAuthentication } from '../../../identity/completePasskeyAuthentication';
import { displayNameOf } from '../../../identity/displayNameOf';
import { IdentityError } from '../../../identity/IdentityError';
import type { RegistrationSubject } from '../../../identity/RegistrationSubject';
import { startPasskeyAuthentication } from '../../../identity/startPasskeyAuthentication';
import type { InstanceRecord } from '../../../storage/InstanceRecord';
import type { RuntimeDeps } from '../../RuntimeDeps';
import { ceremoniesIn } from '../ceremonies/ceremoniesIn';
import { authenticationViews, usersOf } from '../contextPaths';
import type {
  AuthenticationCompletion,
  AuthenticationRequest,
  AuthenticationState,
} from './AuthenticationState';

/**
 * The one owner of an instance's sign-ins (`instance.internal.authentications`): it starts a
 * startPasskeyAuthentication node's session at once (a sign-in's options do not wait for a
 * form, and autofill needs them while the form shows), re-issues it (a fresh challenge, or for
 * the user a form named), cancels and completes it, and after every change writes the
 * read-only TrustX view into the context at `_identityStore.passkeys.authentications[key]`
 * (`currentPasskeyAuthenticationRecord.{start,complete}PasskeyAuthenticationResponse`, and once
 * signed in `userId` and `user`), and the signed-in user at `_identityStore.users[userKey]`.
 */
export function authenticationsOf(deps: RuntimeDeps, instance: InstanceRecord) {
  // Instances saved before sign-in existed have no such field: they simply have no sign-ins.
  instance.internal.authentications ??= {};
  const states = instance.internal.authentications;
  const { tenantId } = instance;
  const book = ceremoniesIn({
    states,
    notStartedCode: 'AUTHENTICATION_NOT_STARTED',
    noun: 'authentication',
    cancelSession: (state) =>
      cancelPasskeyAuthentication(deps, {
        tenantId,
        storeName: state.request.storeName,
        sessionId: state.session.sessionId,
      }),
    publish: (key, state: AuthenticationState) => {
      const { session, completion } = state;
      authenticationViews(instance.context)[key] = {
        currentPasskeyAuthenticationRecord: {
          ...(session ? { startPasskeyAuthenticationResponse: { ...session } } : {}),
          ...(completion ? { completePasskeyAuthenticationResponse: completion.response } : {}),
        },
        ...(completion ? { userId: completion.response.userId, user: completion.user } : {}),
      };
    },
  });

  const start = (request: AuthenticationRequest, subject: RegistrationSubject | undefined) =>
    startPasskeyAuthentication(deps, {
      tenantId,
      storeName: request.storeName,
      rpId: request.rpId,
      policyName: request.policyName,
      ...(subject ? { subject } : {}),
      ...(request.challenge ? { input: { challenge: request.challenge } } : {}),
    });

  /**
   * A session for the user a form named, when the request names none: that user's passkeys if
   * the name is a user who can sign in with one, else usernameless, so the answer is the same
   * whether or not the user exists (nothing tells a visitor which names are taken).
   */
  const startNamed = async (request: AuthenticationRequest, userName: string | undefined) => {
    if (request.subject || !userName) return start(request, request.subject);
    const scope = { tenantId, storeName: request.storeName };
    const user = await deps.records.users.findByUserKey(scope, userName);
    if (user) {
      try {
        return await start(request, { userId: user.id });
      } catch (error) {
        // No passkey, disabled, ...: refused the same way as an unknown name would be.
        if (!(error instanceof IdentityError)) throw error;
      }
    }
    return start(request, undefined);
  };

  const signedInUser = async (request: AuthenticationRequest, userId: string) => {
    const user = await deps.records.users.findById(
      { tenantId, storeName: request.storeName },
      userId,
    );
    if (!user) return null;
    usersOf(instance.context)[user.userKey] = {
      id: user.id,
      userKey: user.userKey,
      externalId: user.externalId,
    };
    const { id, userKey, externalId } = user;
    const displayName = displayNameOf(user) ?? null;
    return { id, userKey, externalId, displayName, name: displayName ?? userKey };
  };

  return {
    /**
     * Start the sign-in a startPasskeyAuthentication node resolved, throwing the start's
     * IdentityError. A start for a key already started replaces it (its PENDING session is
     * cancelled quietly).
     */
    async start(key: string, request: AuthenticationRequest) {
      await book.forget(key);
      const started = await start(request, request.subject);
      book.offer(key, book.record(key, request), started);
    },

    /**
     * Issue a fresh session for `key` (for `userName`, when given and the request names no
     * user); `false` when no node started `key`. An IdentityError of the start is thrown.
     */
    async reissue(key: string, { userName }: { userName?: string } = {}) {
      const state = book.stateOf(key);
      if (!state) return false;
      await book.cancelQuietly(state);
      book.offer(key, state, await startNamed(state.request, userName));
      return true;
    },

    /** The failure of a step that needs a sign-in no startPasskeyAuthentication node started. */
    notStarted: book.notStarted,

    /** Cancel the session issued for `key`, if any is still PENDING. */
    cancel: book.cancel,

    /** The options of the session issued for `key`, for the browser's ceremony. */
    clientRequest: book.clientRequest,

    /** Keep the browser's response to the session of `key` for its completion. */
    captureResponse: book.captureResponse,

    /** Why the browser gave no response for `key` (the renderer's cancel reason), if it said. */
    declined(key: string, reason?: string) {
      const state = book.stateOf(key);
      if (state && reason !== undefined) state.declined = reason;
      return state?.declined;
    },

    /**
     * Complete the session of `key` with `response` (by default, the one a step captured):
     * AUTHENTICATION_NOT_STARTED (`leave`) when nothing was started, `noResponse` when there is
     * nothing to complete with; an IdentityError of the completion is thrown.
     */
    complete: (key: string, response: unknown) =>
      book.complete(key, response, async (state, given): Promise<AuthenticationCompletion> => {
        const completed = await completePasskeyAuthentication(deps, {
          tenantId,
          storeName: state.request.storeName,
          sessionId: state.session.sessionId,
          response: given,
        });
        return { response: completed, user: await signedInUser(state.request, completed.userId) };
      }),
  };
}
