import type { FlowState } from './reduceFlow';

/** The sentence for the page's aria-live status region; empty when nothing is under way. */
export function describeStatus(state: FlowState): string {
  if (state.kind === 'starting') return 'Setting up…';
  if (state.kind === 'loading') return 'Loading…';
  if (state.kind !== 'ready') return '';
  const signIn = state.step.component === 'passkeySignIn';
  if (state.busy === 'ceremony') {
    return signIn
      ? "Follow your browser's prompt to sign in with your passkey…"
      : "Follow your browser's prompt to create a passkey…";
  }
  const ceremonyDone = state.step.component === 'passkeyForm' && state.step.ceremony !== null;
  const signingIn = signIn && state.step.component === 'passkeySignIn' && state.step.ceremony;
  if (state.busy === 'submitting' && signingIn) return 'Signing you in…';
  if (state.busy === 'submitting') return ceremonyDone ? 'Saving your passkey…' : 'Sending…';
  return '';
}
