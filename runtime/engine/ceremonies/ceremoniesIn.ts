import type { Outcome } from '../activities/Activity';
import type { CeremonyState, IssuedSession } from './CeremonyState';

/** A state whose session is issued: what cancelling or completing it needs. */
export type OfferedState<R, O, C> = CeremonyState<R, O, C> & { session: IssuedSession<O> };

/**
 * The bookkeeping every kind of passkey ceremony of an instance shares (registrationsOf,
 * authenticationsOf): find a key's state, replace it (the old PENDING session cancelled
 * quietly), offer a new session, cancel it, keep the browser's response and complete it,
 * publishing the TrustX view after every change. What differs between kinds (how a session
 * starts, cancels and completes, what its view is called) is passed in.
 */
export function ceremoniesIn<R, O, C>({
  states,
  cancelSession,
  publish,
  notStartedCode,
  noun,
}: {
  states: Record<string, CeremonyState<R, O, C>>;
  cancelSession: (state: OfferedState<R, O, C>) => Promise<unknown>;
  publish: (key: string, state: CeremonyState<R, O, C>) => void;
  /** The failure code of a step that needs a ceremony no start node requested. */
  notStartedCode: string;
  /** How messages name the ceremony ("registration", "authentication"). */
  noun: string;
}) {
  type S = CeremonyState<R, O, C>;
  const stateOf = (key: string): S | undefined =>
    Object.hasOwn(states, key) ? states[key] : undefined;
  const isOffered = (state: S | undefined): state is OfferedState<R, O, C> =>
    state?.session != null;

  /** Cancel the session a state offers, which may already be finished: only PENDING needs it. */
  const cancelQuietly = async (state: S | undefined) => {
    if (!isOffered(state)) return;
    try {
      await cancelSession(state);
    } catch {
      // Completed, expired or gone: nothing left to cancel.
    }
  };

  const notStarted = (key: string, before?: 'form' | 'page'): Outcome => ({
    event: 'failedIdStoreCall',
    failure: {
      code: notStartedCode,
      message: before
        ? `no ${noun} '${key}' precedes this ${before}`
        : `no ${noun} '${key}' was started`,
      registrationKey: key,
    },
  });

  return {
    stateOf,
    cancelQuietly,
    /** The failure of a step that needs a ceremony no start node requested. */
    notStarted,

    /** Cancel the session issued for `key`, if any is still PENDING. */
    cancel: (key: string) => cancelQuietly(stateOf(key)),

    /** Forget `key`'s state, quietly cancelling its PENDING session (a new request replaces it). */
    async forget(key: string) {
      await cancelQuietly(stateOf(key));
      delete states[key];
    },

    /** Record a new request under `key` (nothing issued yet) and publish it. */
    record(key: string, request: R): S {
      const state: S = { request, session: null };
      states[key] = state;
      publish(key, state);
      return state;
    },

    /** Offer `session` for `state` from now on: a response to an older one is dropped. */
    offer(key: string, state: S, session: IssuedSession<O>) {
      state.session = {
        sessionId: session.sessionId,
        status: session.status,
        clientRequest: session.clientRequest,
        expiresAt: session.expiresAt,
      };
      delete state.browserResponse;
      delete state.declined;
      publish(key, state);
      return state.session;
    },

    /** The options of the session issued for `key`, for the browser's ceremony. */
    clientRequest: (key: string): O | null => stateOf(key)?.session?.clientRequest ?? null,

    /** Keep the browser's response to the session of `key` for its completion. */
    captureResponse(key: string, response: unknown) {
      const state = stateOf(key);
      if (state) state.browserResponse = response;
    },

    /**
     * Complete the session of `key` with `response` (by default, the one a step captured) by
     * `run`: `leave` (not started) when nothing was requested or issued, `noResponse` when there
     * is nothing to complete with; what `run` throws is thrown.
     */
    async complete(
      key: string,
      response: unknown,
      run: (state: OfferedState<R, O, C>, given: object) => Promise<C>,
    ): Promise<'completed' | 'noResponse' | { leave: Outcome }> {
      const state = stateOf(key);
      if (!state) return { leave: notStarted(key) };
      const given = response ?? state.browserResponse;
      if (!given || typeof given !== 'object') return 'noResponse';
      if (!isOffered(state)) return { leave: notStarted(key) };
      state.completion = await run(state, given);
      publish(key, state);
      return 'completed';
    },
  };
}
