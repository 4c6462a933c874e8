import type {
  ControlProps,
  DispatchPropsOfMultiEnumControl,
  OwnPropsOfEnum,
} from '@jsonforms/core';
import { useId } from 'react';
import { useFormUi } from '../../FormUiContext';
import { fieldIds } from '../../fieldIds';
import { pickVisibleError } from '../../pickVisibleError';
import { resolveControlTexts } from '../../resolveControlTexts';
import { GroupShell } from './GroupShell';

type Json = Record<string, unknown>;

/**
 * An array of distinct choices as a checkbox group in a fieldset, its legend the field's
 * label, as JSON Forms' MaterialEnumArrayRenderer draws it. Option labels come translated
 * from core's mapper (`<i18n prefix>.<value>`); values keep their type (numbers stay
 * numbers), since each checkbox stands for its option, not for a text value.
 */
export function MultiEnumControl(
  props: ControlProps & OwnPropsOfEnum & DispatchPropsOfMultiEnumControl,
) {
  const ui = useFormUi();
  const ids = fieldIds(props.path, useId());
  if (!props.visible) return null;
  const { path } = props;
  const texts = resolveControlTexts({
    texts: ui.texts,
    uischema: props.uischema as unknown as Json,
    schema: props.schema as Json,
    path,
  });
  const error = pickVisibleError({
    clientError: props.errors ?? '',
    serverError: ui.serverErrors.get(path),
    touched: ui.touched.has(path),
    submitted: ui.submitted,
    edited: ui.edited.has(path),
  });
  const selected: unknown[] = Array.isArray(props.data) ? props.data : [];
  return (
    <GroupShell texts={texts} ids={ids} required={props.required === true} error={error}>
      {(props.options ?? []).map((option, index) => {
        const id = `${ids.input}-${index}`;
        const checked = selected.some((value) => Object.is(value, option.value));
        return (
          <div key={id} className="field__inline">
            <input
              id={id}
              className="checkbox"
              type="checkbox"
              checked={checked}
              disabled={!props.enabled}
              aria-invalid={error ? true : undefined}
              onBlur={() => ui.markTouched(path)}
              onChange={(event) => {
                ui.markEdited(path);
                ui.markTouched(path);
                if (event.target.checked) props.addItem(path, option.value);
                else props.removeItem?.(path, option.value);
              }}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </GroupShell>
  );
}
