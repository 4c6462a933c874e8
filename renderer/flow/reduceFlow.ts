import type { StepView } from '../../runtime/engine/StepView';
import type { FlowError } from './FlowError';

/** What the page is doing right now; the screens render from this alone. */
export type FlowState =
  | { kind: 'starting'; version: number }
  | { kind: 'loading'; version: number }
  | {
      kind: 'ready';
      version: number;
      step: StepView;
      /** A request or WebAuthn ceremony for this step is under way. */
      busy: 'submitting' | 'ceremony' | null;
      /** A failure that leaves the step usable (shown above it), e.g. a 503 on submit. */
      error: FlowError | null;
    }
  | { kind: 'failed'; version: number; error: FlowError };

export type FlowEvent =
  | { type: 'startStarted' }
  | { type: 'loadStarted' }
  | { type: 'stepReceived'; step: StepView }
  | { type: 'submitStarted' }
  | { type: 'ceremonyStarted' }
  /** The request or ceremony under way ended without a new step (a page's fixable error). */
  | { type: 'settled' }
  | { type: 'requestFailed'; error: FlowError };

// The step stays on screen for these: trying again from the same step is the fix.
const recoverableInPlace = new Set<FlowError['kind']>([
  'rateLimited',
  'server',
  'network',
  'unexpected',
  'formInvalid',
]);

/**
 * Moves the page between states. `version` grows whenever a new screen appears, so the
 * shell knows when to move focus (DESIGN: focus follows the step, not every keystroke).
 */
export function reduceFlow(state: FlowState, event: FlowEvent): FlowState {
  const version = state.version + 1;
  switch (event.type) {
    case 'startStarted':
      return { kind: 'starting', version };
    case 'loadStarted':
      return { kind: 'loading', version };
    case 'stepReceived':
      // The same custom page with re-issued options is the same screen: focus stays in the page.
      return {
        kind: 'ready',
        version: isSamePage(state, event.step) ? state.version : version,
        step: event.step,
        busy: null,
        error: null,
      };
    case 'settled':
      return state.kind === 'ready' ? { ...state, busy: null } : state;
    case 'submitStarted':
    case 'ceremonyStarted':
      // Same screen, so the version (and focus) stays.
      if (state.kind !== 'ready') return state;
      return {
        ...state,
        busy: event.type === 'submitStarted' ? 'submitting' : 'ceremony',
        error: null,
      };
    case 'requestFailed': {
      const { error } = event;
      // FORM_DATA_INVALID carries the step re-rendered with its field errors.
      if (error.kind === 'formInvalid' && error.step !== null) {
        return { kind: 'ready', version, step: error.step, busy: null, error: null };
      }
      // Without it, the field errors still belong on the form the user is looking at.
      if (error.kind === 'formInvalid' && state.kind === 'ready' && 'errors' in state.step) {
        const step = { ...state.step, errors: error.fields };
        return {
          kind: 'ready',
          version,
          step,
          busy: null,
          error: error.fields.length ? null : error,
        };
      }
      if (state.kind === 'ready' && recoverableInPlace.has(error.kind)) {
        return { ...state, version, busy: null, error };
      }
      return { kind: 'failed', version, error };
    }
  }
}

export const initialFlowState = (kind: 'starting' | 'loading'): FlowState => ({ kind, version: 0 });

function isSamePage(state: FlowState, step: StepView) {
  return (
    state.kind === 'ready' &&
    state.step.component === 'page' &&
    step.component === 'page' &&
    state.step.pageUrl === step.pageUrl
  );
}
