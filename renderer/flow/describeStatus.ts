import type { FlowState } from './reduceFlow';

/** The sentence for the page's aria-live status region; empty when nothing is under way. */
export function describeStatus(state: FlowState): string {
  if (state.kind === 'starting') return 'Setting up your passkey registration…';
  if (state.kind === 'loading') return 'Loading…';
  if (state.kind !== 'ready') return '';
  if (state.busy === 'ceremony') return "Follow your browser's prompt to create a passkey…";
  const ceremonyDone = state.step.component === 'passkeyForm' && state.step.ceremony !== null;
  if (state.busy === 'submitting') return ceremonyDone ? 'Saving your passkey…' : 'Sending…';
  return '';
}
