import { randomId } from '../../../core/randomId';
import { cancelPasskeyRegistration } from '../../../identity/cancelPasskeyRegistration';
import {
  type RegistrationSubject,
  startPasskeyRegistration,
} from '../../../identity/startPasskeyRegistration';
import type { RuntimeDeps } from '../../RuntimeDeps';

/** The resolved inputs of a startPasskeyRegistration node, kept so a form can re-issue. */
export interface RegistrationRequest {
  storeName: string;
  rpId: string;
  policyName: string;
  subject: RegistrationSubject;
  createUser: boolean;
  userName?: string;
  userDisplayName?: string;
  userHandle?: string;
}

/**
 * Start a registration session for `request` (names overridable by what a form collected),
 * cancelling the one it replaces: a fresh challenge for every attempt.
 */
export async function issueRegistration(
  deps: RuntimeDeps,
  {
    tenantId,
    request,
    replaces,
    userName = request.userName,
    userDisplayName = request.userDisplayName,
  }: {
    tenantId: string;
    request: RegistrationRequest;
    replaces?: string;
    userName?: string;
    userDisplayName?: string;
  },
) {
  if (replaces)
    await cancelQuietly(deps, { tenantId, storeName: request.storeName, sessionId: replaces });
  return startPasskeyRegistration(deps, {
    tenantId,
    storeName: request.storeName,
    rpId: request.rpId,
    policyName: request.policyName,
    subject: request.subject,
    input: {
      createUser: request.createUser,
      ...(userName ? { userName } : {}),
      ...(userDisplayName ? { userDisplayName } : {}),
      ...(request.userHandle ? { userHandle: request.userHandle } : {}),
    },
  });
}

/** Cancel a session that may already be finished; only PENDING ones need it. */
export async function cancelQuietly(
  deps: RuntimeDeps,
  key: { tenantId: string; storeName: string; sessionId: string },
) {
  try {
    await cancelPasskeyRegistration(deps, key);
  } catch {
    // Completed, expired or gone: nothing left to cancel.
  }
}

/** A fresh externalId for a user created by the journey itself. */
export const newExternalId = (deps: RuntimeDeps) => `kf-${randomId(deps, 96)}`;
