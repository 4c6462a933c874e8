import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type autocannon from 'autocannon';
import { type JourneyStats, summarizeJourneys } from './summarizeJourneys';

interface Journey {
  began?: number;
  /** When the current request was built (autocannon sends it right away). */
  sentAt?: number;
  instanceId?: string;
  stepId?: string;
  cookie?: string;
  data?: { userName: string; displayName: string };
  challenge?: string;
}

interface StepAnswer {
  stepId?: string;
  component?: string;
  outcome?: string;
  ceremony?: { creationOptions?: { challenge?: string } } | null;
}

/** One round trip of the journey, with the hooks every step has. */
interface Step {
  method: 'POST';
  body?: string;
  setupRequest: (request: autocannon.Request, context: Journey) => autocannon.Request;
  onResponse: (
    status: number,
    body: string,
    context: Journey,
    headers: Record<string, unknown>,
  ) => void;
}

const capabilityCookie = /(?:^|;\s*)kf_flow=([^;]+)/;
const setCookies = (headers: Record<string, unknown>) =>
  Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .map(String);

/**
 * One end user's journey through the built-in `passkey-registration` process as autocannon
 * requests, with the round trips the registration page makes (renderer/flow/useFlow.ts):
 * POST /api/flow/start/{token} (its `kf_flow` capability cookie is sent back from then on) →
 * the form answer's dry run (`…/validate`: the page's CSP stops ajv, so the page asks the server
 * before every submit) → the form answer → the response the software authenticator builds for
 * the ceremony's fresh challenge → the success end step. A journey counts when that end step
 * arrives; an unexpected answer starts the connection's journey over. Each request's round trip
 * is kept too. The time `build` takes is measured apart (`authenticatorUs`) and is inside the
 * journey time, as the user's authenticator is.
 */
export function createFlowJourney({
  takeToken,
  userName,
  build,
}: {
  /** The process token of the next start link opened. */
  takeToken: () => string;
  /** A user name not taken yet. */
  userName: () => string;
  /** The browser's response to creation options with `challenge`. */
  build: (challenge: string) => RegistrationResponseJSON;
}) {
  const durationsMs: number[] = [];
  const stepNames = ['start', 'dry run', 'form answer', 'browser response'];
  const stepMs: number[][] = stepNames.map(() => []);
  let firstFailure: string | undefined;
  let authenticatorMs = 0;
  let responsesBuilt = 0;
  const headers = (context: Journey) => ({
    accept: 'application/json',
    'content-type': 'application/json',
    cookie: `kf_flow=${context.cookie}`,
  });
  const stepPath = (context: Journey) => `/api/flow/${context.instanceId}/steps/${context.stepId}`;
  /** Whether the answer is the expected one; the first that is not is kept for the report. */
  const expect = (what: string, status: number, expected: number, body: string) => {
    if (status === expected) return true;
    firstFailure ??= `${what}: ${status} ${body.slice(0, 300)}`;
    return false;
  };
  const timed = (challenge: string) => {
    const began = performance.now();
    const response = build(challenge);
    authenticatorMs += performance.now() - began;
    responsesBuilt++;
    return response;
  };
  const readStep = (body: string, context: Journey) => {
    const step = JSON.parse(body) as StepAnswer;
    context.stepId = step.stepId;
    return step;
  };
  const steps: Step[] = [
    {
      method: 'POST',
      body: '{}',
      setupRequest: (request, context) => {
        context.began = performance.now();
        return {
          ...request,
          path: `/api/flow/start/${takeToken()}`,
          headers: { accept: 'application/json', 'content-type': 'application/json' },
        };
      },
      onResponse: (status, body, context, responseHeaders) => {
        if (!expect('start', status, 201, body)) return;
        const started = JSON.parse(body) as { instanceId: string; step: StepAnswer };
        context.instanceId = started.instanceId;
        context.stepId = started.step.stepId;
        const cookie = setCookies(responseHeaders)
          .map((line) => capabilityCookie.exec(line)?.[1])
          .find(Boolean);
        context.cookie = started.step.component === 'passkeyForm' ? cookie : undefined;
        if (!context.cookie) firstFailure ??= `start: no passkeyForm step or no cookie: ${body}`;
      },
    },
    {
      method: 'POST',
      // A falsy request makes autocannon start the journey over.
      setupRequest: (request, context) => {
        const name = context.cookie ? userName() : undefined;
        context.data = name ? { userName: name, displayName: `Flow User ${name}` } : undefined;
        return (
          context.data
            ? {
                ...request,
                path: `${stepPath(context)}/validate`,
                headers: headers(context),
                body: JSON.stringify({ data: context.data }),
              }
            : null
        ) as autocannon.Request;
      },
      onResponse: (status, body, context) => {
        const clean = expect('dry run', status, 200, body) && body.includes('"errors":[]');
        if (!clean) {
          firstFailure ??= `dry run: ${body.slice(0, 300)}`;
          context.data = undefined;
        }
      },
    },
    {
      method: 'POST',
      setupRequest: (request, context) =>
        (context.data
          ? {
              ...request,
              path: stepPath(context),
              headers: headers(context),
              body: JSON.stringify({ action: 'submit', data: context.data }),
            }
          : null) as autocannon.Request,
      onResponse: (status, body, context) => {
        if (!expect('form answer', status, 200, body)) return;
        context.challenge = readStep(body, context).ceremony?.creationOptions?.challenge;
        if (!context.challenge) firstFailure ??= `form answer: no ceremony: ${body}`;
      },
    },
    {
      method: 'POST',
      setupRequest: (request, context) => {
        const browserResponse = context.challenge ? timed(context.challenge) : undefined;
        return (
          browserResponse
            ? {
                ...request,
                path: stepPath(context),
                headers: headers(context),
                body: JSON.stringify({ action: 'submit', browserResponse }),
              }
            : null
        ) as autocannon.Request;
      },
      onResponse: (status, body, context) => {
        if (!expect('browser response', status, 200, body)) return;
        const step = readStep(body, context);
        if (step.component === 'end' && step.outcome === 'success') {
          durationsMs.push(performance.now() - context.began!);
        } else {
          firstFailure ??= `browser response: not the success end step: ${body.slice(0, 300)}`;
        }
      },
    },
  ];
  // Each request's own round trip too, so a slow journey says which step it waited for.
  const requests = steps.map(
    ({ setupRequest, onResponse, ...request }, i): autocannon.Request => ({
      ...request,
      setupRequest: (prepared, context: Journey) => {
        context.sentAt = performance.now();
        return setupRequest(prepared, context);
      },
      onResponse: (status, body, context: Journey, responseHeaders) => {
        stepMs[i]!.push(performance.now() - context.sentAt!);
        onResponse(status, body, context, responseHeaders ?? {});
      },
    }),
  );
  return {
    requests,
    stats: (seconds: number): JourneyStats =>
      summarizeJourneys({
        durationsMs,
        seconds,
        firstFailure,
        stepsMs: Object.fromEntries(stepNames.map((name, i) => [name, stepMs[i]!])),
        authenticatorUs: responsesBuilt ? (1000 * authenticatorMs) / responsesBuilt : undefined,
      }),
  };
}
