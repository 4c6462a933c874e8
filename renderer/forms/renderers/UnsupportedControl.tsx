import type { ControlProps } from '@jsonforms/core';
import { useField } from '../useField';

/** A control none of ours fits (arrays, objects as controls): say so instead of vanishing. */
export function UnsupportedControl(props: ControlProps) {
  const field = useField(props);
  if (!props.visible) return null;
  return (
    <div className="field">
      <p className="label">{field.label}</p>
      <p className="hint">This field can't be shown by this version of Keyform.</p>
      {field.error && <p className="error-text">{field.error}</p>}
    </div>
  );
}
