import { useCallback, useEffect, useState } from 'react';
import { type ConsoleLocation, parseConsolePath } from './parseConsolePath';

/** The console's URL as state: navigate() pushes history, the back button pops it. */
export function useConsoleLocation(): [ConsoleLocation, (path: string) => void] {
  const [location, setLocation] = useState(() => parseConsolePath(window.location.pathname));
  useEffect(() => {
    const onPop = () => setLocation(parseConsolePath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((path: string) => {
    if (path !== window.location.pathname + window.location.search)
      window.history.pushState(null, '', path);
    setLocation(parseConsolePath(new URL(path, window.location.href).pathname));
  }, []);
  return [location, navigate];
}
