import { useEffect, useState } from 'react';

/** Load once per `key`: the value, or the error to show (never swallowed), and `reload`. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ key: string; value?: T; error?: unknown }>({ key });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads.
  useEffect(() => {
    let cancelled = false;
    setState({ key });
    load().then(
      (value) => !cancelled && setState({ key, value }),
      (error: unknown) => !cancelled && setState({ key, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, round]);
  const current = state.key === key ? state : { key };
  return {
    value: current.value,
    error: current.error,
    loading: current.value === undefined && current.error === undefined,
    reload: () => setRound((r) => r + 1),
  };
}
