import {
  type CombinatorRendererProps,
  combinatorDefaultTranslations,
  createCombinatorRenderInfos,
  createDefaultValue,
  getCombinatorTranslations,
  type JsonSchema,
  type Translator,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms } from '@jsonforms/react';
import { useId, useMemo, useState } from 'react';
import { useFormUi } from '../../FormUiContext';
import { useField } from '../../useField';
import { CombinatorProperties } from './CombinatorProperties';
import { formatText } from './formatText';
import { hasEnteredData } from './hasEnteredData';
import { InlineConfirm } from './InlineConfirm';
import { labelAlternatives } from './labelAlternatives';
import { listVisibleErrorPaths } from './listVisibleErrorPaths';

const keepDefault = ((_key: string, fallback?: string) => fallback) as Translator;

/**
 * oneOf/anyOf of objects (or anything else): a labelled radio group between the
 * alternatives, then the chosen alternative's form, as material's MaterialOneOfRenderer and
 * MaterialAnyOfRenderer map them (createCombinatorRenderInfos, indexOfFittingSchema). A
 * switch that would drop entered data asks once, inline, before it clears the value.
 */
export function CombinatorControl(props: CombinatorRendererProps & { keyword: 'oneOf' | 'anyOf' }) {
  const { keyword, schema, rootSchema, path, uischema, uischemas, enabled } = props;
  const field = useField(props);
  const ctx = useJsonForms();
  const ui = useFormUi();
  const { texts } = ui;
  const id = useId();
  const subSchemas = (schema[keyword] ?? []) as JsonSchema[];
  const infos = useMemo(
    () => createCombinatorRenderInfos(subSchemas, rootSchema, keyword, uischema, path, uischemas),
    [subSchemas, rootSchema, keyword, uischema, path, uischemas],
  );
  const [selected, setSelected] = useState(props.indexOfFittingSchema ?? 0);
  const [pending, setPending] = useState<number | undefined>(undefined);
  if (!props.visible) return null;

  const labels = labelAlternatives({ infos, subSchemas, texts });
  const startValue = (index: number) => {
    const info = infos[index];
    if (info === undefined) return undefined;
    const value = createDefaultValue(info.schema, rootSchema);
    // An alternative with no defaults starts as "no value", not `{}` that fails its `required`.
    return hasEnteredData({ data: value }) ? value : undefined;
  };
  const radioId = (index: number) => `${id}-option-${index}`;
  const open = (index: number) => {
    setPending(undefined);
    setSelected(index);
    field.change(startValue(index), { touch: false });
    document.getElementById(radioId(index))?.focus();
  };
  const choose = (index: number) => {
    if (index === selected) return;
    const entered = hasEnteredData({ data: props.data, initial: startValue(selected) });
    if (entered) setPending(index);
    else open(index);
  };
  const translations = getCombinatorTranslations(
    ctx.i18n?.translate ?? keepDefault,
    combinatorDefaultTranslations,
    props.i18nKeyPrefix ?? path,
    props.label,
  );
  const legend =
    field.label || formatText({ texts, key: 'combinator.choose', fallback: 'Choose one' });
  const describedBy = field.inputProps['aria-describedby'];
  // The choice takes focus for its own error only: a field of the alternative with an error
  // is where the user has something to fix (focus goes to the first `aria-invalid`).
  const fieldsHaveErrors = listVisibleErrorPaths({
    clientErrors: ctx.core?.errors,
    serverErrors: ui.serverErrors,
    touched: ui.touched,
    edited: ui.edited,
    submitted: ui.submitted,
  }).some((errorPath) => path === '' || errorPath.startsWith(`${path}.`));
  const chosen = infos[selected];

  return (
    <div className="combinator">
      <CombinatorProperties
        schema={schema}
        keyword={keyword}
        path={path}
        rootSchema={rootSchema}
        enabled={enabled}
      />
      <fieldset
        className={field.error ? 'choice field--invalid' : 'choice'}
        aria-describedby={describedBy}
      >
        <legend className={field.labelHidden ? 'visually-hidden' : 'label'}>{legend}</legend>
        <div className="choice__options">
          {labels.map((label, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are fixed for the step
            <div key={index} className="field__inline">
              <input
                type="radio"
                className="radio"
                id={radioId(index)}
                name={`${id}-choice`}
                checked={index === selected}
                disabled={!enabled}
                aria-invalid={
                  index === selected && !fieldsHaveErrors
                    ? field.inputProps['aria-invalid']
                    : undefined
                }
                onChange={() => choose(index)}
              />
              <label htmlFor={radioId(index)}>{label}</label>
            </div>
          ))}
        </div>
        {field.description && (
          <p id={field.ids.description} className="hint">
            {field.description}
          </p>
        )}
        {field.error && (
          <p id={field.ids.error} className="error-text">
            {field.error}
          </p>
        )}
      </fieldset>
      {pending !== undefined && (
        <InlineConfirm
          title={translations.clearDialogTitle ?? 'Clear form?'}
          message={
            translations.clearDialogMessage ?? 'Your data will be cleared. Do you want to proceed?'
          }
          accept={translations.clearDialogAccept ?? 'Yes'}
          decline={translations.clearDialogDecline ?? 'No'}
          onAccept={() => open(pending)}
          onDecline={() => {
            setPending(undefined);
            document.getElementById(radioId(selected))?.focus();
          }}
        />
      )}
      {chosen && (
        // Named after the chosen alternative, so its fields are told apart from their
        // namesakes outside it (a user's "Name" beside the form's own "Name").
        <fieldset className="plain-fieldset">
          <legend className="visually-hidden">{labels[selected]}</legend>
          <JsonFormsDispatch
            key={selected}
            schema={chosen.schema}
            uischema={chosen.uischema}
            path={path}
            enabled={enabled}
            renderers={props.renderers}
            cells={props.cells}
          />
        </fieldset>
      )}
    </div>
  );
}
