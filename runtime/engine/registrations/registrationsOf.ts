import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { cancelPasskeyRegistration } from '../../../identity/cancelPasskeyRegistration';
import { completePasskeyRegistration } from '../../../identity/completePasskeyRegistration';
import { prepareRegistration } from '../../../identity/prepareRegistration';
import { startPasskeyRegistration } from '../../../identity/startPasskeyRegistration';
import type { InstanceRecord } from '../../../storage/InstanceRecord';
import type { RuntimeDeps } from '../../RuntimeDeps';
import type { Outcome } from '../activities/Activity';
import { failureOf } from '../activities/inputOf';
import { ceremoniesIn } from '../ceremonies/ceremoniesIn';
import { registrationViews } from '../contextPaths';
import type { RegistrationRequest, RegistrationState } from './RegistrationState';
import { readsRegistrations } from './readsRegistrations';

/** The names a form or page collected, to issue the session with instead of the request's. */
export interface RegistrationNames {
  userName?: string;
  userDisplayName?: string;
}

/** What issuing a session came to; `taken` and `notStarted` issue nothing. */
export type IssueResult =
  | { outcome: 'issued'; clientRequest: PublicKeyCredentialCreationOptionsJSON }
  | { outcome: 'taken'; error: { path: string; keyword: 'taken'; message: string } }
  | { outcome: 'notStarted'; leave: Outcome }
  | { outcome: 'failed'; leave: Outcome; error: unknown };

/** A journey that creates its user by name must not collide with an existing user key. */
const userNameTaken = {
  path: '/userName',
  keyword: 'taken',
  message: 'This user name is already taken.',
} as const;

/**
 * The one owner of an instance's registrations (`instance.internal.registrations`): it records a
 * startPasskeyRegistration node's request, issues the session for it when the options can be
 * final, re-issues it (a fresh challenge, the replaced PENDING session cancelled quietly),
 * cancels it, completes it, and after every change writes the read-only TrustX view of it into
 * the context at `_identityStore.passkeys.registrations[key].currentPasskeyRegistrationRecord`
 * (`startPasskeyRegistrationResponse`, `completePasskeyRegistrationResponse`), so integrators'
 * expressions resolve unchanged. Activities go through it; none reads the state itself.
 */
export function registrationsOf(deps: RuntimeDeps, instance: InstanceRecord) {
  const states = instance.internal.registrations;
  const { tenantId } = instance;
  const book = ceremoniesIn({
    states,
    notStartedCode: 'REGISTRATION_NOT_STARTED',
    noun: 'registration',
    cancelSession: (state) =>
      cancelPasskeyRegistration(deps, {
        tenantId,
        storeName: state.request.storeName,
        sessionId: state.session.sessionId,
      }),
    publish: (key, state: RegistrationState) => {
      registrationViews(instance.context)[key] = {
        currentPasskeyRegistrationRecord: {
          ...(state.session ? { startPasskeyRegistrationResponse: { ...state.session } } : {}),
          ...(state.completion ? { completePasskeyRegistrationResponse: state.completion } : {}),
        },
      };
    },
  });

  const issue = async (
    key: string,
    { names = {}, before }: { names?: RegistrationNames; before?: 'form' | 'page' } = {},
  ): Promise<IssueResult> => {
    const state = book.stateOf(key);
    if (!state) return { outcome: 'notStarted', leave: book.notStarted(key, before) };
    const { request } = state;
    if (request.createUser && names.userName) {
      const taken = await deps.records.users.findByUserKey(
        { tenantId, storeName: request.storeName },
        names.userName,
      );
      if (taken) return { outcome: 'taken', error: { ...userNameTaken } };
    }
    await book.cancelQuietly(state);
    try {
      const started = await startPasskeyRegistration(deps, {
        tenantId,
        ...where(request),
        input: inputOf(request, names),
      });
      return { outcome: 'issued', clientRequest: book.offer(key, state, started).clientRequest };
    } catch (error) {
      return {
        outcome: 'failed',
        leave: { event: 'failedIdStoreCall', failure: failureOf(error, key) },
        error,
      };
    }
  };

  const issueOnce = async (key: string) => {
    const state = book.stateOf(key);
    return state && !state.session ? issue(key) : undefined;
  };

  return {
    /**
     * Check what a startPasskeyRegistration node resolved as a start would (store, relying party
     * and policy, subject), throwing the start's IdentityError, then record it. Nothing is
     * issued: the session comes when its options can be final. A request for a key already
     * requested replaces the old one, whose PENDING session is cancelled quietly.
     */
    async request(key: string, request: RegistrationRequest) {
      await book.forget(key);
      await prepareRegistration(deps, { tenantId, ...where(request), input: inputOf(request, {}) });
      book.record(key, request);
    },

    /**
     * Issue the session for `key`, with the names a form or page collected: the only way a
     * session comes about. A session already issued for the key is replaced (fresh challenge).
     */
    issue,

    /** Issue the session for `key` unless one is already issued or nothing was requested. */
    issueOnce,

    /**
     * Before `template` is resolved: when it may read a registration's view, issue every
     * registration requested and not issued yet, so it reads real options. A failure is thrown.
     */
    async issueReadBy(template: unknown) {
      if (!readsRegistrations(template)) return;
      for (const key of Object.keys(states)) {
        const issued = await issueOnce(key);
        if (issued?.outcome === 'failed') throw issued.error;
      }
    },

    /** Cancel the session issued for `key`, if any is still PENDING. */
    cancel: book.cancel,

    /** The options of the session issued for `key`, for the browser's ceremony. */
    clientRequest: book.clientRequest,

    /** Keep the browser's response to the session of `key` for its completion. */
    captureResponse: book.captureResponse,

    /**
     * Complete the session of `key` with `response` (by default, the one a form captured):
     * REGISTRATION_NOT_STARTED (`leave`) when nothing was requested or issued, `noResponse` when
     * there is nothing to complete with; an IdentityError of the completion is thrown.
     */
    complete: (key: string, response: unknown) =>
      book.complete(key, response, (state, given) =>
        completePasskeyRegistration(deps, {
          tenantId,
          storeName: state.request.storeName,
          sessionId: state.session.sessionId,
          response: given,
        }),
      ),
  };
}

function where(request: RegistrationRequest) {
  const { storeName, rpId, policyName, subject } = request;
  return { storeName, rpId, policyName, subject };
}

function inputOf(request: RegistrationRequest, names: RegistrationNames) {
  const userName = names.userName ?? request.userName;
  const userDisplayName = names.userDisplayName ?? request.userDisplayName;
  return {
    createUser: request.createUser,
    ...(userName ? { userName } : {}),
    ...(userDisplayName ? { userDisplayName } : {}),
    ...(request.userHandle ? { userHandle: request.userHandle } : {}),
  };
}
