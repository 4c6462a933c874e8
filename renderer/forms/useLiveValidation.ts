import { useEffect, useRef, useState } from 'react';
import type { FieldError } from '../../runtime/engine/StepView';

/** The server's dry run of a submission: its field errors, or null when it did not answer. */
export type CheckData = (data: Record<string, unknown>) => Promise<FieldError[] | null>;

const editDelayMs = 300;

/**
 * Field errors from the server's dry run, for a page whose CSP stops ajv: checked once a field
 * was left, then after each edit (debounced), and on demand before a submit. Only the latest
 * request's answer applies; an edit also outdates the answers still on their way. `errors` is
 * the latest answer given since `base` (the step's own errors), else `base`.
 */
export function useLiveValidation({
  check,
  base,
  read,
}: {
  check: CheckData | undefined;
  base: FieldError[];
  read: () => Record<string, unknown>;
}) {
  const [answer, setAnswer] = useState<{ since: FieldError[]; errors: FieldError[] } | null>(null);
  const state = useRef({ latest: 0, armed: false, timer: undefined as number | undefined });
  const latest = useRef({ check, base, read });
  latest.current = { check, base, read };
  // Unmounted (a new step): no timer fires, no answer applies.
  useEffect(
    () => () => {
      clearTimeout(state.current.timer);
      state.current.latest += 1;
    },
    [],
  );

  const [live] = useState(() => {
    const outdate = () => {
      clearTimeout(state.current.timer);
      state.current.latest += 1;
      return state.current.latest;
    };
    /** Check `data` now; 'superseded' when a later request or edit made the answer moot. */
    const run = async (data = latest.current.read()) => {
      const { check: checkNow, base: since } = latest.current;
      if (!checkNow) return null;
      // After a submit, later edits are checked too.
      state.current.armed = true;
      const id = outdate();
      const errors = await checkNow(data);
      if (id !== state.current.latest) return 'superseded' as const;
      if (errors !== null) setAnswer({ since, errors });
      return errors;
    };
    const schedule = (delayMs: number) => {
      if (!latest.current.check || !state.current.armed) return;
      outdate();
      state.current.timer = window.setTimeout(() => void run(), delayMs);
    };
    return {
      run,
      /** A field was left: from now on edits are checked too. */
      touched: () => {
        state.current.armed = true;
        schedule(0);
      },
      edited: () => schedule(editDelayMs),
    };
  });

  return {
    ...live,
    enabled: check !== undefined,
    errors: answer !== null && answer.since === base ? answer.errors : base,
  };
}
