import { useEffect, useState } from 'react';
import { ConsoleApiError } from './api/ConsoleApiError';
import { consoleFetch } from './api/consoleFetch';
import { sections } from './sections/sections';
import type { ConsoleSessionView } from './shell/ConsoleSessionView';
import { ConsoleShell } from './shell/ConsoleShell';
import { SignInPage } from './shell/SignInPage';
import { useConsoleLocation } from './shell/useConsoleLocation';
import { ErrorNotice } from './ui/ErrorNotice';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signedOut'; error?: unknown }
  | { kind: 'signedIn'; session: ConsoleSessionView };

/** The console: asks who is signed in, then shows the sign-in page or the shell. */
export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [location, navigate] = useConsoleLocation();
  useEffect(() => {
    let live = true;
    consoleFetch<ConsoleSessionView>('/api/console/session').then(
      (session) => live && setState({ kind: 'signedIn', session }),
      (error: unknown) => {
        if (!live) return;
        // 401 is simply "not signed in"; anything else is shown, never swallowed.
        const signedOut = error instanceof ConsoleApiError && error.status === 401;
        setState({ kind: 'signedOut', ...(signedOut ? {} : { error }) });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'loading') return <p aria-live="polite">Loading the console…</p>;
  if (state.kind === 'signedOut') {
    return (
      <>
        <ErrorNotice error={state.error} />
        <SignInPage
          onSignedIn={(session) => {
            if (location.section === undefined) navigate('/console/');
            setState({ kind: 'signedIn', session });
          }}
        />
      </>
    );
  }
  return (
    <ConsoleShell
      session={state.session}
      sections={sections}
      location={location}
      navigate={navigate}
      onSignedOut={() => {
        navigate('/');
        setState({ kind: 'signedOut' });
      }}
    />
  );
}
