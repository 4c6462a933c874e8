import { useEffect, useState } from 'react';

/** Load once per `key`: the answer, or the error to show (never swallowed). */
export function useLoad<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<{ key: string; value?: T; error?: unknown }>({ key: '' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ key, value }),
      (error: unknown) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : { key };
}
