import type { ControlProps } from '@jsonforms/core';
import { useId } from 'react';
import { useFormUi } from './FormUiContext';
import { fieldIds } from './fieldIds';
import { pickVisibleError } from './pickVisibleError';
import { resolveControlTexts } from './resolveControlTexts';

export type Field = ReturnType<typeof useField>;

/** Everything a control shows around its input: ids, texts, the error to show now. */
export function useField(props: ControlProps) {
  const ui = useFormUi();
  const { path } = props;
  const ids = fieldIds(path, useId());
  const texts = resolveControlTexts({
    texts: ui.texts,
    uischema: props.uischema as unknown as Record<string, unknown>,
    schema: props.schema as Record<string, unknown>,
    path,
  });
  const error = pickVisibleError({
    clientError: props.errors ?? '',
    serverError: ui.serverErrors.get(path),
    touched: ui.touched.has(path),
    submitted: ui.submitted,
    edited: ui.edited.has(path),
  });
  const describedBy = [texts.description && ids.description, error && ids.error]
    .filter(Boolean)
    .join(' ');
  return {
    ids,
    ...texts,
    error,
    required: props.required === true,
    disabled: !props.enabled,
    inputProps: {
      id: ids.input,
      'aria-invalid': error ? (true as const) : undefined,
      'aria-describedby': describedBy || undefined,
      'aria-required': props.required ? (true as const) : undefined,
      onBlur: () => ui.markTouched(path),
    },
    change: (value: unknown, { touch = false }: { touch?: boolean } = {}) => {
      ui.markEdited(path);
      if (touch) ui.markTouched(path);
      props.handleChange(path, value);
    },
  };
}
