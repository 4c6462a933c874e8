import {
  browserSupportsWebAuthn,
  type RegistrationResponseJSON,
  startRegistration,
} from '@simplewebauthn/browser';
import { type RefObject, useEffect, useRef } from 'react';
import type { PageStepView, StepView } from '../../runtime/engine/StepView';
import type { ApiResult } from '../flow/FlowError';
import type { Flow } from '../flow/useFlow';
import { buildPageVariables } from './buildPageVariables';
import { createPasskeyForPage } from './createPasskeyForPage';
import { matchPasskeyRequest } from './matchPasskeyRequest';
import type { HostMessage, PageMessage, PasskeyFailure } from './PageProtocol';
import { parsePageMessage } from './parsePageMessage';

type HostFlow = Pick<Flow, 'sendForPage' | 'markPageCeremony'>;
type PasskeyOutcome =
  | { ok: true; response: RegistrationResponseJSON }
  | { ok: false; error: PasskeyFailure };

/** An opaque origin cannot be named as a target: only the frame's own window receives it. */
const postTo = (frame: HTMLIFrameElement | null, message: HostMessage) =>
  frame?.contentWindow?.postMessage(message, '*');

const failure = (reason: PasskeyFailure['reason'], name: string, message: string) => ({
  reason,
  name,
  message,
  fields: [],
});

/**
 * The host side of the page protocol for the frame in `frameRef`: accepts messages only from
 * that frame's window (and only with the opaque origin of the sandbox), checks their shape,
 * answers READY, turns SEND and CANCEL into step actions, and runs a passkey ceremony for
 * the page only with the options the server issued for this step.
 */
export function usePageHost({
  frameRef,
  step,
  flow,
}: {
  frameRef: RefObject<HTMLIFrameElement | null>;
  step: PageStepView;
  flow: HostFlow;
}) {
  const current = useRef({ step, flow });
  current.current = { step, flow };
  const ready = useRef(false);
  const working = useRef(false);

  const post = (message: HostMessage) => postTo(frameRef.current, message);

  // New options for the same page (after a names SEND): a page that said READY gets them.
  useEffect(() => {
    if (ready.current) {
      postTo(frameRef.current, { event: 'message', variables: buildPageVariables({ step }) });
    }
  }, [step, frameRef]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one listener for the frame's life; it reads the latest step through a ref
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const frame = frameRef.current?.contentWindow;
      // Only this frame's window speaks for the page: not a frame inside it, not another tab.
      if (!frame || event.source !== frame) return;
      // The sandbox gives the page an opaque origin; any other origin is not our sandboxed page.
      if (event.origin !== 'null') return;
      const message = parsePageMessage(event.data);
      if (message === null) return;
      if (message.event === 'INVALID') {
        if (message.requestId !== null) {
          post({
            event: 'PASSKEY_RESULT',
            requestId: message.requestId,
            ok: false,
            error: failure('invalidInput', 'TypeError', message.message),
          });
        } else {
          post({
            event: 'ERROR',
            error: { code: 'PAGE_MESSAGE_INVALID', message: message.message, fields: [] },
          });
        }
        return;
      }
      void handle(message);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const handle = async (message: PageMessage) => {
    if (message.event === 'READY') {
      ready.current = true;
      post({ event: 'message', variables: buildPageVariables({ step: current.current.step }) });
      return;
    }
    // One request at a time: a second SEND would only meet a step that has moved on.
    if (working.current) {
      if (message.event === 'CREATE_PASSKEY') {
        post({
          event: 'PASSKEY_RESULT',
          requestId: message.requestId,
          ok: false,
          error: failure('busy', 'NotAllowedError', 'a request is already pending'),
        });
      } else {
        post({
          event: 'ERROR',
          error: { code: 'PAGE_BUSY', message: 'a request is already pending', fields: [] },
        });
      }
      return;
    }
    working.current = true;
    try {
      if (message.event === 'CREATE_PASSKEY') await createPasskey(message);
      else
        await send(
          message.event === 'SEND'
            ? { action: 'submit', parameters: message.variables }
            : { action: 'cancel', reason: 'cancelled' },
        );
    } finally {
      working.current = false;
    }
  };

  const send = async (action: Parameters<HostFlow['sendForPage']>[1]) => {
    const result = await current.current.flow.sendForPage(current.current.step, action);
    if (!result.ok && result.error.code === 'PAGE_PARAMETERS_INVALID') {
      const { code, message, fields } = result.error;
      post({ event: 'ERROR', error: { code, message, fields } });
    }
    return result;
  };

  const createPasskey = async (message: Extract<PageMessage, { event: 'CREATE_PASSKEY' }>) => {
    const { requestId } = message;
    const answer = (result: PasskeyOutcome) =>
      post({ event: 'PASSKEY_RESULT', requestId, ...result });
    const notReady = () =>
      answer({
        ok: false,
        error: failure(
          'notReady',
          'NotAllowedError',
          'this step has no passkey registration to run',
        ),
      });
    let step: StepView = current.current.step;
    // Without a registration bound to the step, sending names would only leave the page.
    if (step.ceremony === null) return notReady();
    if (message.user) {
      // The SDK's createPasskey(names): the server re-issues the options with these names first.
      const { userName, displayName } = message.user;
      const named: ApiResult<StepView> = await current.current.flow.sendForPage(step, {
        action: 'submit',
        parameters: { userName, ...(displayName ? { userDisplayName: displayName } : {}) },
      });
      if (!named.ok) {
        const invalid = named.error.code === 'PAGE_PARAMETERS_INVALID';
        return answer({
          ok: false,
          error: {
            ...failure(
              invalid ? 'invalidInput' : 'unknown',
              invalid ? 'DataError' : 'NetworkError',
              named.error.message,
            ),
            fields: named.error.fields,
          },
        });
      }
      step = named.value;
    }
    if (step.component !== 'page' || step.ceremony === null) return notReady();
    const { creationOptions } = step.ceremony;
    if (message.publicKey) {
      const match = matchPasskeyRequest({ request: message.publicKey, creationOptions });
      // Only the request the server issued for this step: a page cannot mint its own ceremony.
      if (!match.ok)
        return answer({
          ok: false,
          error: failure('requestMismatch', 'SecurityError', match.message),
        });
    }
    current.current.flow.markPageCeremony(true);
    const result = await createPasskeyForPage({
      creationOptions,
      startRegistration,
      browserSupportsWebAuthn,
    });
    current.current.flow.markPageCeremony(false);
    answer(result);
  };
}
