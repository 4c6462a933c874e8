import type { ControlProps } from '@jsonforms/core';
import { useField } from '../useField';
import { FieldShell } from './FieldShell';

const inputTypeByFormat: Record<string, string> = { email: 'email', uri: 'url' };

/** Strings: a text input (email/url by `format`), or a textarea with `options.multi`. */
export function TextControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  const options = (props.uischema.options ?? {}) as Record<string, unknown>;
  const format = typeof props.schema.format === 'string' ? props.schema.format : '';
  const value = typeof props.data === 'string' ? props.data : '';
  // An emptied field is "no value", so `required` reports it instead of `minLength`.
  const onChange = (text: string) => field.change(text === '' ? undefined : text);
  const autoComplete = typeof options.autocomplete === 'string' ? options.autocomplete : undefined;
  // JSON Forms' `restrict`: the schema's maxLength also stops typing; `focus`: autofocus.
  const extra = {
    maxLength: options.restrict === true ? props.schema.maxLength : undefined,
    autoFocus: options.focus === true,
  };
  return (
    <FieldShell field={field}>
      {options.multi === true ? (
        <textarea
          {...field.inputProps}
          {...extra}
          className="input"
          value={value}
          readOnly={field.disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...field.inputProps}
          {...extra}
          className="input"
          type={Object.hasOwn(inputTypeByFormat, format) ? inputTypeByFormat[format] : 'text'}
          value={value}
          readOnly={field.disabled}
          autoComplete={autoComplete}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}
