/** A session issued for a ceremony's request, with TrustX's names for its start response. */
export interface IssuedSession<Options> {
  sessionId: string;
  status: string;
  clientRequest: Options;
  expiresAt: string;
}

/**
 * One passkey ceremony of an instance (a registration or a sign-in) under its key: server-side
 * state that no end user, integrator or expression reads. Only its module (registrationsOf,
 * authenticationsOf) reads or writes it, and publishes the TrustX view of it into the context.
 */
export interface CeremonyState<Request, Options, Completion> {
  request: Request;
  /** The session now offered for the request; null until one is issued. */
  session: IssuedSession<Options> | null;
  /** What the browser answered the session with, as a step captured it. */
  browserResponse?: unknown;
  /** Why the browser gave no response (the renderer's cancel reason), when a step said. */
  declined?: string;
  /** The completed ceremony. */
  completion?: Completion;
}
