import { randomId } from '../../../core/randomId';
import { buildPageUrl } from '../../../pages/buildPageUrl';
import { findPageVersion } from '../../../pages/findPageVersion';
import { PageError } from '../../../pages/PageError';
import { validatePageParameters } from '../../../pages/validatePageParameters';
import type { StepRecord } from '../../../storage/InstanceRecord';
import { resolveTemplate } from '../../expressions/resolveTemplate';
import { customUiCapture, registrationRecord } from '../contextPaths';
import type { ActivityContext, Outcome, UserActivity } from './Activity';
import { checkRegistrationNames, type RegistrationNames } from './checkRegistrationNames';
import { failureOf, int, str } from './inputOf';
import { cancelQuietly, issueRegistration, type RegistrationRequest } from './issueRegistration';

/** What a page step pins when it is shown: the page version is fixed for the step's life. */
interface PageStepState {
  pageName: string;
  pageVersion: number;
  pageKey: string;
  pageUrl: string;
  constants: Record<string, unknown>;
  /** Set when the node has a `registrationKey`: the host may run that registration's ceremony. */
  registrationKey: string | null;
  creationOptions: unknown;
  /** Epoch ms after which the step only times out (server-enforced). */
  expiresAt: number | null;
}

type Captured = Record<string, { value: unknown }>;

/**
 * A custom page (DESIGN §7). Every SEND is captured at
 * `_customUis[pageKey].currentCapture.customPageParameters[name].value` and leaves the step,
 * except one case: on a node with `registrationKey`, a SEND of only `userName` and/or
 * `userDisplayName` re-issues the registration with those names and keeps the step (new
 * stepId, new ceremony options), so the page can then have the host run the ceremony.
 */
export const customPageActivity: UserActivity = {
  kind: 'user',
  async enter(ctx) {
    const { deps, instance, inputs, nodeId } = ctx;
    const version = findPageVersion(deps, {
      tenantId: instance.tenantId,
      name: str(inputs.pageName) ?? '',
      version: int(inputs.pageVersion),
    });
    const pageKey = str(inputs.pageKey) ?? nodeId;
    const registrationKey = str(inputs.registrationKey) ?? null;
    const capture = customUiCapture(instance.context, pageKey);
    const previous = namesOf(capture.customPageParameters);
    // Each visit starts a fresh capture: a value from an earlier visit must not complete this one.
    capture.customPageParameters = {};
    delete capture.cancelReason;
    let creationOptions: unknown = null;
    if (registrationKey) {
      // A revisit (after a cancel or a failed verification) gets a fresh challenge.
      if ((instance.visits[nodeId] ?? 0) > 1) {
        let reissued = await reissue(ctx, registrationKey, previous);
        // Someone took the name meanwhile: start without it; the page asks again.
        if ('taken' in reissued) reissued = await reissue(ctx, registrationKey, {});
        if ('leave' in reissued) return reissued;
      }
      creationOptions = clientRequestOf(ctx, registrationKey);
    }
    const timeout = int(inputs.timeoutSeconds);
    const state: PageStepState = {
      pageName: version.name,
      pageVersion: version.version,
      pageKey,
      pageUrl: buildPageUrl({
        base: deps.pagesOrigin ?? deps.publicUrl,
        tenantId: instance.tenantId,
        name: version.name,
        version: version.version,
      }),
      constants: constantsOf(ctx),
      registrationKey,
      creationOptions,
      expiresAt: timeout ? deps.now() + timeout * 1000 : null,
    };
    return {
      step: {
        stepId: randomId(deps),
        nodeId,
        component: 'page',
        state: { ...state },
        createdAt: deps.now(),
      },
    };
  },
  async handle(ctx, step, action) {
    const state = step.state as unknown as PageStepState;
    const timedOut = state.expiresAt !== null && ctx.deps.now() > state.expiresAt;
    if (action.action === 'timeout' || timedOut) {
      await cancelPending(ctx, state.registrationKey);
      return { leave: { event: 'timeout' } };
    }
    const capture = customUiCapture(ctx.instance.context, state.pageKey);
    if (action.action === 'cancel') {
      await cancelPending(ctx, state.registrationKey);
      capture.cancelReason = action.reason ?? 'cancelled';
      return { leave: { event: 'userCancelled' } };
    }
    const checked = validatePageParameters({ parameters: action.parameters ?? {} });
    // A malformed SEND is refused whole; the instance (and the step) stay as they were.
    if (!checked.ok) throw checked.error;
    const names = state.registrationKey
      ? checkRegistrationNames({ parameters: checked.parameters })
      : { names: false as const };
    if (names.names && !names.ok) throw namesInvalid(names.issues);
    const captured = (capture.customPageParameters ?? {}) as Captured;
    for (const [name, value] of Object.entries(checked.parameters)) captured[name] = { value };
    capture.customPageParameters = captured;
    if (!names.names || !state.registrationKey) return { leave: {} };
    const reissued = await reissue(ctx, state.registrationKey, names.value);
    if ('taken' in reissued) {
      throw namesInvalid([{ path: '/userName', message: 'This user name is already taken.' }]);
    }
    if ('leave' in reissued) return reissued;
    const stay: StepRecord = {
      ...step,
      stepId: randomId(ctx.deps),
      state: {
        ...step.state,
        creationOptions: clientRequestOf(ctx, state.registrationKey),
        constants: constantsOf(ctx),
      },
    };
    return { stay };
  },
};

/** Start the registration again (fresh challenge) with the page's names; a taken name is the user's to fix. */
async function reissue(
  ctx: ActivityContext,
  registrationKey: string,
  names: RegistrationNames,
): Promise<{ done: true } | { taken: true } | { leave: Outcome }> {
  const record = registrationRecord(ctx.instance.context, registrationKey);
  const request = record.request as RegistrationRequest | undefined;
  if (!request) {
    return {
      leave: {
        event: 'failedIdStoreCall',
        failure: {
          code: 'REGISTRATION_NOT_STARTED',
          message: `no registration '${registrationKey}' precedes this page`,
          registrationKey,
        },
      },
    };
  }
  // A journey that creates its user by name must not collide with an existing user key.
  if (request.createUser && names.userName) {
    const taken = await ctx.deps.records.users.findByUserKey(
      { tenantId: ctx.instance.tenantId, storeName: request.storeName },
      names.userName,
    );
    if (taken) return { taken: true };
  }
  const previous = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
  try {
    record.startPasskeyRegistrationResponse = await issueRegistration(ctx.deps, {
      tenantId: ctx.instance.tenantId,
      request,
      ...(previous?.sessionId ? { replaces: previous.sessionId } : {}),
      ...names,
    });
    delete record.browserResponse;
    return { done: true };
  } catch (error) {
    return { leave: { event: 'failedIdStoreCall', failure: failureOf(error, registrationKey) } };
  }
}

function namesInvalid(fields: Array<{ path: string; message: string }>) {
  return new PageError('PAGE_PARAMETERS_INVALID', `${fields[0]?.path} ${fields[0]?.message}`, {
    details: { fields },
  });
}

/** The node's constants, resolved against the context as it is now (after a re-issue, too). */
function constantsOf(ctx: ActivityContext): Record<string, unknown> {
  const template = ctx.node.inputs?.constants;
  if (template === undefined) return {};
  const resolved = resolveTemplate({ template, context: ctx.instance.context });
  return resolved && typeof resolved === 'object' && !Array.isArray(resolved)
    ? (resolved as Record<string, unknown>)
    : {};
}

function clientRequestOf(ctx: ActivityContext, registrationKey: string) {
  const record = registrationRecord(ctx.instance.context, registrationKey);
  const started = record.startPasskeyRegistrationResponse as
    | { clientRequest?: unknown }
    | undefined;
  return started?.clientRequest ?? null;
}

function namesOf(parameters: unknown): RegistrationNames {
  const captured = (parameters ?? {}) as Partial<Captured>;
  const userName = captured.userName?.value;
  const userDisplayName = captured.userDisplayName?.value;
  return {
    ...(typeof userName === 'string' ? { userName } : {}),
    ...(typeof userDisplayName === 'string' ? { userDisplayName } : {}),
  };
}

async function cancelPending(ctx: ActivityContext, registrationKey: string | null) {
  if (!registrationKey) return;
  const record = registrationRecord(ctx.instance.context, registrationKey);
  const started = record.startPasskeyRegistrationResponse as { sessionId?: string } | undefined;
  const request = record.request as RegistrationRequest | undefined;
  if (started?.sessionId && request) {
    await cancelQuietly(ctx.deps, {
      tenantId: ctx.instance.tenantId,
      storeName: request.storeName,
      sessionId: started.sessionId,
    });
  }
}
