import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';
import { useEffect, useReducer, useRef } from 'react';
import type {
  PageStepView,
  PasskeyFormStepView,
  PasskeySignInStepView,
  StepAction,
  StepView,
} from '../../runtime/engine/StepView';
import { runPasskeyCeremony } from '../passkey/runPasskeyCeremony';
import type { FlowClient, StartedFlow } from './createFlowClient';
import type { ApiResult } from './FlowError';
import type { Route } from './parseRoute';
import { initialFlowState, reduceFlow } from './reduceFlow';
import { type KeyValueStore, recallStartLink, rememberStartLink } from './startLinkMemory';

/**
 * The flow's side effects: start or load, post actions, run the ceremony. Everything it
 * decides is in reduceFlow and the pure helpers; this only sequences the calls.
 */
export function useFlow({
  route,
  client,
  store,
  replaceUrl,
  search,
}: {
  route: Extract<Route, { kind: 'start' | 'flow' }>;
  client: FlowClient;
  store: KeyValueStore | null;
  replaceUrl: (url: string) => void;
  search: string;
}) {
  const [state, dispatch] = useReducer(
    reduceFlow,
    route.kind === 'start' ? 'starting' : 'loading',
    initialFlowState,
  );
  const instanceId = useRef(route.kind === 'flow' ? route.instanceId : null);
  // Shared by StrictMode's double effect run, so one page load starts one instance.
  const starting = useRef<Promise<ApiResult<StartedFlow>> | null>(null);
  const lastRequest = useRef<(() => Promise<void>) | null>(null);
  // Every ceremony started counts; an autofill may abort only while it is still the latest one
  // (SimpleWebAuthn aborts through one shared service, which would stop a newer ceremony too).
  const ceremonies = useRef({ started: 0, autofill: -1 });

  const start = async () => {
    if (route.kind !== 'start') return;
    if (starting.current === null) dispatch({ type: 'startStarted' });
    starting.current ??= client.start(route.processTokenId);
    const result = await starting.current;
    if (!result.ok) {
      starting.current = null;
      dispatch({ type: 'requestFailed', error: result.error });
      return;
    }
    const { instanceId: id, step } = result.value;
    instanceId.current = id;
    rememberStartLink({
      store,
      instanceId: id,
      startLink: `/start/${encodeURIComponent(route.processTokenId)}${search}`,
    });
    // A reload now resumes this instance instead of starting another one.
    replaceUrl(`/flow/${encodeURIComponent(id)}${search}`);
    dispatch({ type: 'stepReceived', step });
  };

  const load = async () => {
    const id = instanceId.current;
    if (id === null) return start();
    dispatch({ type: 'loadStarted' });
    const result = await client.getStep(id);
    dispatch(
      result.ok
        ? { type: 'stepReceived', step: result.value }
        : { type: 'requestFailed', error: result.error },
    );
  };

  const send = async (step: StepView, action: StepAction): Promise<void> => {
    lastRequest.current = () => send(step, action);
    dispatch({ type: 'submitStarted' });
    const result = await client.postStep(step.instanceId, step.stepId, action);
    if (!result.ok) {
      dispatch({ type: 'requestFailed', error: result.error });
      return;
    }
    const next = result.value;
    dispatch({ type: 'stepReceived', step: next });
    // The form's data was accepted and options issued: the submit click is the gesture.
    const formJustAccepted =
      isCeremonyStep(step) && action.action === 'submit' && action.browserResponse === undefined;
    if (formJustAccepted && isCeremonyStep(next) && next.ceremony !== null) {
      await runCeremony(next);
    }
  };

  const runCeremony = async (step: PasskeyFormStepView | PasskeySignInStepView) => {
    if (step.ceremony === null) return;
    dispatch({ type: 'ceremonyStarted' });
    ceremonies.current.started++;
    const result =
      step.component === 'passkeySignIn'
        ? await runPasskeyCeremony({
            requestOptions: step.ceremony.requestOptions,
            startAuthentication,
            browserSupportsWebAuthn,
          })
        : await runPasskeyCeremony({
            creationOptions: step.ceremony.creationOptions,
            startRegistration,
            browserSupportsWebAuthn,
          });
    await send(
      step,
      result.ok
        ? { action: 'submit', browserResponse: result.response }
        : { action: 'cancel', reason: result.reason },
    );
  };

  /**
   * Passkey autofill (conditional mediation) for a sign-in form, where the browser offers it:
   * the passkey the user picks in the username field's suggestions signs them in. A failure
   * (aborted for the button's ceremony, or refused) changes nothing: the button is still there.
   */
  const runAutofill = async (step: PasskeySignInStepView) => {
    if (step.autofill === null || !(await browserSupportsWebAuthnAutofill())) return;
    const mine = ++ceremonies.current.started;
    ceremonies.current.autofill = mine;
    const result = await runPasskeyCeremony({
      requestOptions: step.autofill.requestOptions,
      startAuthentication,
      browserSupportsWebAuthn,
      useBrowserAutofill: true,
    });
    if (ceremonies.current.autofill === mine) ceremonies.current.autofill = -1;
    if (result.ok) await send(step, { action: 'submit', browserResponse: result.response });
  };

  /** Stop a pending autofill (before the button's ceremony, or when its form goes away). */
  const abortAutofill = () => {
    const { started, autofill } = ceremonies.current;
    if (autofill !== -1 && autofill === started) WebAuthnAbortService.cancelCeremony();
    ceremonies.current.autofill = -1;
  };

  /**
   * A custom page's SEND or CANCEL, posted by the page host. A SEND the server refuses as the
   * page's own mistake (PAGE_PARAMETERS_INVALID) goes back to the page; other failures show here.
   */
  const sendForPage = async (step: PageStepView, action: StepAction) => {
    lastRequest.current = async () => void (await sendForPage(step, action));
    dispatch({ type: 'submitStarted' });
    const result = await client.postStep(step.instanceId, step.stepId, action);
    if (result.ok) dispatch({ type: 'stepReceived', step: result.value });
    else if (result.error.code === 'PAGE_PARAMETERS_INVALID') dispatch({ type: 'settled' });
    else dispatch({ type: 'requestFailed', error: result.error });
    return result;
  };

  // Once per page: the route, client and store are fixed for the page's life.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on mount only
  useEffect(() => {
    void load();
  }, []);

  const startLink =
    instanceId.current === null ? null : recallStartLink({ store, instanceId: instanceId.current });

  return {
    state,
    startLink,
    loadCurrentStep: () => void load(),
    retry: () =>
      void (state.kind === 'ready' && lastRequest.current ? lastRequest.current() : load()),
    submit: (step: StepView, data: Record<string, unknown>) =>
      void send(step, { action: 'submit', data }),
    /** The server's dry run of submitting `data`: its field errors, null if it did not answer. */
    check: async (step: StepView, data: Record<string, unknown>) => {
      const result = await client.checkStep(step.instanceId, step.stepId, data);
      return result.ok ? result.value : null;
    },
    runCeremony: (step: PasskeyFormStepView | PasskeySignInStepView) => void runCeremony(step),
    runAutofill: (step: PasskeySignInStepView) => void runAutofill(step),
    abortAutofill,
    /** The user stops a ceremony under way from the page (the browser's prompt may have none). */
    cancelCeremony: () => WebAuthnAbortService.cancelCeremony(),
    sendForPage,
    /** The page host runs a ceremony for its page: the status line says so. */
    markPageCeremony: (running: boolean) =>
      dispatch(running ? { type: 'ceremonyStarted' } : { type: 'settled' }),
  };
}

export type Flow = ReturnType<typeof useFlow>;

/** Steps whose accepted form is followed by a WebAuthn ceremony. */
function isCeremonyStep(step: StepView): step is PasskeyFormStepView | PasskeySignInStepView {
  return step.component === 'passkeyForm' || step.component === 'passkeySignIn';
}
