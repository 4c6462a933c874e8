import type { ReactNode } from 'react';
import type { ControlTexts } from '../../resolveControlTexts';

/**
 * A control drawn as a group (arrays, checkbox groups, nested objects): a fieldset whose
 * legend is the control's label, then its help text, its content and its error, the help
 * and the error tied to the fieldset. `focusable` lets a refused submit focus the group
 * itself when its own value (not a field inside) is what is wrong.
 */
export function GroupShell({
  texts,
  ids,
  required,
  error,
  invalid = false,
  focusable = false,
  errorFirst = false,
  className = 'group',
  children,
}: {
  texts: ControlTexts;
  ids: { description: string; error: string };
  required: boolean;
  error: string;
  invalid?: boolean;
  focusable?: boolean;
  /** The error before the content (a long list), instead of after it. */
  errorFirst?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const describedBy = [texts.description && ids.description, error && ids.error]
    .filter(Boolean)
    .join(' ');
  const errorText = error && (
    <p id={ids.error} className="error-text">
      {error}
    </p>
  );
  return (
    <fieldset
      className={error ? `${className} field--invalid` : className}
      tabIndex={focusable ? -1 : undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy || undefined}
    >
      <legend className={texts.labelHidden ? 'visually-hidden' : undefined}>
        {texts.label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <div className="layout layout--vertical">
        {texts.description && (
          <p id={ids.description} className="hint">
            {texts.description}
          </p>
        )}
        {errorFirst && errorText}
        {children}
        {!errorFirst && errorText}
      </div>
    </fieldset>
  );
}
