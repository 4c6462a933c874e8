import { Suspense, useEffect, useRef, useState } from 'react';
import { consoleFetch } from '../api/consoleFetch';
import type { ConsoleSection } from '../sections/ConsoleSection';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { ConsoleSessionView } from './ConsoleSessionView';
import type { ConsoleLocation } from './parseConsolePath';
import { SectionBoundary } from './SectionBoundary';
import { StartPage } from './StartPage';
import { sectionScreen } from './sectionScreens';

/** Signed in: header (tenant, token, sign out), the sections' navigation, and the current screen. */
export function ConsoleShell({
  session,
  sections,
  location,
  navigate,
  onSignedOut,
}: {
  session: ConsoleSessionView;
  sections: readonly ConsoleSection[];
  location: ConsoleLocation;
  navigate: (path: string) => void;
  onSignedOut: () => void;
}) {
  const [signOutError, setSignOutError] = useState<unknown>();
  const [signingOut, setSigningOut] = useState(false);
  const main = useRef<HTMLElement>(null);
  const current = sections.find((s) => s.path === location.section);
  const Screen = current ? sectionScreen(current) : undefined;
  const title = current ? current.label : 'Start';
  useEffect(() => {
    document.title = `${title} · Keyform console`;
  }, [title]);

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await consoleFetch('/api/console/session', { method: 'DELETE' });
      onSignedOut();
    } catch (error) {
      setSignOutError(error);
      setSigningOut(false);
    }
  };
  const go = (path: string) => {
    navigate(path);
    // Like a page load: the next Tab starts in the new screen, and readers hear it.
    main.current?.focus();
  };

  return (
    <div className="kc-shell">
      <a className="kc-skip" href="#kc-main">
        Skip to content
      </a>
      <header className="kc-header">
        <a
          className="kc-brand"
          href="/console/"
          onClick={(event) => {
            event.preventDefault();
            go('/console/');
          }}
        >
          Keyform console
        </a>
        <span className="kc-who">
          Tenant <strong>{session.tenantId}</strong> · Token <strong>{session.tokenName}</strong>
          {session.root ? ' (root)' : ''}
        </span>
        <Button onClick={signOut} busy={signingOut}>
          Sign out
        </Button>
      </header>
      <ErrorNotice error={signOutError} />
      <div className="kc-body">
        <nav aria-label="Sections" className="kc-nav">
          <ul>
            <li>
              <NavLink path="/console/" label="Start" current={!current} go={go} />
            </li>
            {sections.map((section) => (
              <li key={section.path}>
                <NavLink
                  path={`/console/${section.path}`}
                  label={section.label}
                  current={section === current}
                  go={go}
                />
              </li>
            ))}
          </ul>
        </nav>
        <main id="kc-main" ref={main} tabIndex={-1} className="kc-main">
          {Screen ? (
            <SectionBoundary resetKey={`${location.section}/${location.subpath}`}>
              <Suspense fallback={<p aria-live="polite">Loading {title}…</p>}>
                <Screen
                  tenantId={session.tenantId}
                  subpath={location.subpath}
                  navigate={navigate}
                />
              </Suspense>
            </SectionBoundary>
          ) : (
            <StartPage sections={sections} navigate={go} />
          )}
        </main>
      </div>
    </div>
  );
}

function NavLink({
  path,
  label,
  current,
  go,
}: {
  path: string;
  label: string;
  current: boolean;
  go: (path: string) => void;
}) {
  return (
    <a
      href={path}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        // A modified click opens a new tab, as for any link.
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        go(path);
      }}
    >
      {label}
    </a>
  );
}
