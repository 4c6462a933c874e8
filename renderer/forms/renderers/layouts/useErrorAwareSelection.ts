import { useState } from 'react';
import { useFormUi } from '../../FormUiContext';

/**
 * Which part of a form (a category, a list item) is shown. It starts at the first part
 * with an error, if any, and a submit try or a submit's answer that brings errors moves it
 * there in the same render (React's "adjust state while rendering", not an effect): StepForm
 * and the page focus the first `aria-invalid` field right after, so it must be on screen.
 * Errors of the live dry run, which arrive while the person edits, never move it: leaving an
 * invalid field for another tab must not pull them back.
 */
export function useErrorAwareSelection<T>({
  initial,
  firstWithErrors,
}: {
  initial: T;
  firstWithErrors: () => T | undefined;
}) {
  const ui = useFormUi();
  const [selected, setSelected] = useState<T>(() => firstWithErrors() ?? initial);
  // By identity: StepForm hands down a new array only when a submit is answered.
  const [seen, setSeen] = useState({ attempts: ui.attempts, answer: ui.stepErrors });
  if (seen.attempts !== ui.attempts || seen.answer !== ui.stepErrors) {
    setSeen({ attempts: ui.attempts, answer: ui.stepErrors });
    const target = firstWithErrors();
    if (target !== undefined) setSelected(target);
  }
  return [selected, setSelected] as const;
}
