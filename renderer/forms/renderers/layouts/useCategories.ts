import type { Categorization, LayoutProps, Translator } from '@jsonforms/core';
import { useJsonForms } from '@jsonforms/react';
import { useFormUi } from '../../FormUiContext';
import { listCategories } from './listCategories';
import { listVisibleErrorPaths } from './listVisibleErrorPaths';
import { useErrorAwareSelection } from './useErrorAwareSelection';

const keepDefault = ((_key: string, fallback?: string) => fallback) as Translator;

/**
 * The categories a Categorization (tabs or stepper) shows now and the selected one, which
 * moves to the first category with an error on a submit try (useErrorAwareSelection).
 */
export function useCategories(props: LayoutProps) {
  const ctx = useJsonForms();
  const ui = useFormUi();
  const entries = listCategories({
    categorization: props.uischema as Categorization,
    rootData: ctx.core?.data,
    path: props.path,
    // JsonForms always sets up its ajv (its own, or StepForm's).
    ajv: ctx.core!.ajv!,
    config: ctx.config,
    translate: ctx.i18n?.translate ?? keepDefault,
    texts: ui.texts,
    errorPaths: listVisibleErrorPaths({
      clientErrors: ctx.core?.errors,
      serverErrors: ui.serverErrors,
      touched: ui.touched,
      edited: ui.edited,
      submitted: ui.submitted,
    }),
    enabled: props.enabled,
  });
  const [selected, select] = useErrorAwareSelection({
    initial: 0,
    firstWithErrors: () => entries.find((entry) => entry.hasErrors)?.index,
  });
  // A rule may hide the selected category: show the first one still shown instead.
  const active = entries.find((entry) => entry.index === selected) ?? entries[0];
  return { entries, active, select };
}
