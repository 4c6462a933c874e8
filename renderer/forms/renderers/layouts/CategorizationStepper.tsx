import type { LayoutProps } from '@jsonforms/core';
import { useId, useRef } from 'react';
import { useFormUi } from '../../FormUiContext';
import { CategoryPanel } from './CategoryPanel';
import { formatText } from './formatText';
import { MarkedLabel } from './MarkedLabel';
import { nameWithErrors } from './nameWithErrors';
import { useCategories } from './useCategories';

/**
 * A Categorization with `options.variant: "stepper"`: the steps as buttons (non-linear, as
 * JSON Forms' material stepper), "Step 2 of 4: Address" above the panel, and Back/Next with
 * `options.showNavButtons`. Back/Next move focus to that line, so screen readers hear where
 * they are and focus never falls to the page when a button leaves at either end.
 */
export function CategorizationStepper(props: LayoutProps) {
  const { entries, active, select } = useCategories(props);
  const { texts } = useFormUi();
  const id = useId();
  const status = useRef<HTMLParagraphElement>(null);
  if (!props.visible || active === undefined) return null;
  const position = entries.indexOf(active);
  const options = (props.uischema.options ?? {}) as Record<string, unknown>;
  const go = (to: number) => {
    const target = entries[to];
    if (target === undefined) return;
    select(target.index);
    // The status line stays mounted; only its text changes.
    status.current?.focus();
  };
  return (
    <div className="stepper">
      <ol
        className="stepper__steps"
        aria-label={
          props.label || formatText({ texts, key: 'categorization.steps', fallback: 'Steps' })
        }
      >
        {entries.map((entry, at) => (
          <li key={entry.index}>
            <button
              type="button"
              className={entry.hasErrors ? 'step step--invalid' : 'step'}
              aria-current={entry === active ? 'step' : undefined}
              aria-label={nameWithErrors({ ...entry, texts })}
              onClick={() => select(entry.index)}
            >
              <span className="step__number" aria-hidden="true">
                {at + 1}
              </span>
              <MarkedLabel label={entry.label} hasErrors={entry.hasErrors} />
            </button>
          </li>
        ))}
      </ol>
      <p className="stepper__status" id={`${id}-status`} ref={status} tabIndex={-1}>
        {formatText({
          texts,
          key: 'categorization.step',
          fallback: 'Step {current} of {total}: {label}',
          values: { current: position + 1, total: entries.length, label: active.label },
        })}
      </p>
      <div className="stepper__panel" key={active.index}>
        <CategoryPanel entry={active} props={props} />
      </div>
      {options.showNavButtons === true && (
        <div className="stepper__nav">
          {position > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => go(position - 1)}
            >
              {formatText({ texts, key: 'categorization.back', fallback: 'Back' })}
            </button>
          )}
          {position < entries.length - 1 && (
            <button type="button" className="button" onClick={() => go(position + 1)}>
              {formatText({ texts, key: 'categorization.next', fallback: 'Next' })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
