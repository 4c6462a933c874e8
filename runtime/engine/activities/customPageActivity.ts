import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { randomId } from '../../../core/randomId';
import { buildPageUrl } from '../../../pages/buildPageUrl';
import { findPageVersion } from '../../../pages/findPageVersion';
import { PageError } from '../../../pages/PageError';
import { validatePageParameters } from '../../../pages/validatePageParameters';
import { resolveTemplate } from '../../expressions/resolveTemplate';
import { customUiCapture } from '../contextPaths';
import {
  type IssueResult,
  type RegistrationNames,
  registrationsOf,
} from '../registrations/registrationsOf';
import type { ActivityContext, UserActivity } from './Activity';
import { checkRegistrationNames } from './checkRegistrationNames';
import { int, str } from './inputOf';

/** What a page step pins when it is shown: the page version is fixed for the step's life. */
interface PageStepState {
  pageName: string;
  pageVersion: number;
  pageKey: string;
  pageUrl: string;
  constants: Record<string, unknown>;
  /** Set when the node has a `registrationKey`: the host may run that registration's ceremony. */
  registrationKey: string | null;
  creationOptions: PublicKeyCredentialCreationOptionsJSON | null;
  /** Epoch ms after which the step only times out (server-enforced). */
  expiresAt: number | null;
}

type Captured = Record<string, { value: unknown }>;

/**
 * A custom page (DESIGN §7). Every SEND is captured at
 * `_customUis[pageKey].currentCapture.customPageParameters[name].value` and leaves the step,
 * except one case: on a node with `registrationKey`, a SEND of only `userName` and/or
 * `userDisplayName` re-issues the registration with those names and keeps the step (new
 * stepId, new ceremony options), so the page can then have the host run the ceremony. Such a
 * page needs its options when it is shown: the registration is issued then, if it is not yet.
 */
export const customPageActivity: UserActivity<PageStepState> = {
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
    const registrations = registrationsOf(deps, instance);
    if (registrationKey) {
      let issued: IssueResult | undefined;
      if ((instance.visits[nodeId] ?? 0) > 1) {
        // A revisit (after a cancel or a failed verification) gets a fresh challenge.
        issued = await registrations.issue(registrationKey, { names: previous, before: 'page' });
        // Someone took the name meanwhile: start without it; the page asks again.
        if (issued.outcome === 'taken') {
          issued = await registrations.issue(registrationKey, { before: 'page' });
        }
      } else {
        issued = await registrations.issueOnce(registrationKey);
      }
      if (issued && 'leave' in issued) return { leave: issued.leave };
    }
    const timeout = int(inputs.timeoutSeconds);
    return {
      step: {
        stepId: randomId(deps),
        nodeId,
        component: 'page',
        state: {
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
          creationOptions: registrationKey ? registrations.clientRequest(registrationKey) : null,
          expiresAt: timeout ? deps.now() + timeout * 1000 : null,
        },
        createdAt: deps.now(),
      },
    };
  },
  async handle(ctx, step, action) {
    const { state } = step;
    const registrations = registrationsOf(ctx.deps, ctx.instance);
    const timedOut = state.expiresAt !== null && ctx.deps.now() > state.expiresAt;
    if (action.action === 'timeout' || timedOut) {
      if (state.registrationKey) await registrations.cancel(state.registrationKey);
      return { leave: { event: 'timeout' } };
    }
    const capture = customUiCapture(ctx.instance.context, state.pageKey);
    if (action.action === 'cancel') {
      if (state.registrationKey) await registrations.cancel(state.registrationKey);
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
    const reissued = await registrations.issue(state.registrationKey, {
      names: names.value,
      before: 'page',
    });
    if (reissued.outcome === 'taken') {
      throw namesInvalid([{ path: reissued.error.path, message: reissued.error.message }]);
    }
    if ('leave' in reissued) return { leave: reissued.leave };
    return {
      stay: {
        ...step,
        stepId: randomId(ctx.deps),
        state: { ...state, creationOptions: reissued.clientRequest, constants: constantsOf(ctx) },
      },
    };
  },
  view(ctx, step, lang) {
    const { pageUrl, constants, creationOptions } = step.state;
    return {
      ...ctx.base,
      component: 'page',
      locale: lang.lang ?? 'en',
      pageUrl,
      constants,
      ceremony: creationOptions ? { creationOptions } : null,
    };
  },
};

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

function namesOf(parameters: unknown): RegistrationNames {
  const captured = (parameters ?? {}) as Partial<Captured>;
  const userName = captured.userName?.value;
  const userDisplayName = captured.userDisplayName?.value;
  return {
    ...(typeof userName === 'string' ? { userName } : {}),
    ...(typeof userDisplayName === 'string' ? { userDisplayName } : {}),
  };
}
