import type {
  JsonFormsCore,
  JsonSchema,
  Middleware,
  Translator,
  UISchemaElement,
} from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldError, FormSpec } from '../../runtime/StepView';
import { collectControlPaths } from './collectControlPaths';
import { createFormTranslator } from './createFormTranslator';
import { type FormUi, FormUiContext } from './FormUiContext';
import { mapFieldErrors } from './mapFieldErrors';
import { needsExtendedRenderers } from './needsExtendedRenderers';
import { planAutoSubmit } from './planAutoSubmit';
import { prepareValidation } from './prepareValidation';
import { useFormRenderers } from './useFormRenderers';

const noPaths: ReadonlySet<string> = new Set();

/**
 * A step's JSON Forms form with our renderers. The parent keys it by stepId, so a new step
 * starts clean while a 400 re-render of the same step keeps what the user typed.
 */
export function StepForm({
  form,
  locale,
  initialData,
  errors,
  submitLabel,
  hideButtons,
  delaySeconds,
  readonly = false,
  busy,
  onSubmit,
}: {
  form: FormSpec;
  locale: string;
  initialData: Record<string, unknown>;
  errors: FieldError[];
  submitLabel: string;
  hideButtons: boolean;
  delaySeconds: number;
  readonly?: boolean;
  busy: boolean;
  onSubmit: (data: Record<string, unknown>) => void;
}) {
  // Fixed for the life of this step: a 400 re-render brings the same form as a new object,
  // and new props would make JSON Forms re-initialise and drop what the user typed.
  const [{ form: stepForm, data }] = useState(() => ({ form, data: { ...initialData } }));
  // JSON Forms' onChange is debounced (10 ms), too late for a quick Enter after typing;
  // the middleware sees every state synchronously, so submit reads the true data.
  const core = useRef<Pick<JsonFormsCore, 'data' | 'errors'>>({ data, errors: [] });
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    const next = reducer(state, action);
    core.current = next;
    return next;
  }, []);
  const [refusedAttempts, setRefusedAttempts] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(noPaths);
  // Edits only hide the server errors they were made after; new errors show again.
  const [edited, setEdited] = useState({ since: errors, paths: noPaths });
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const validation = useMemo(() => prepareValidation(stepForm.schema), [stepForm]);
  const renderers = useFormRenderers(
    useMemo(
      () =>
        needsExtendedRenderers({
          schema: stepForm.schema,
          uischema: stepForm.uischema,
        }),
      [stepForm],
    ),
  );
  const i18n = useMemo(
    () => ({ locale, translate: createFormTranslator(stepForm.texts) as Translator }),
    [locale, stepForm],
  );
  const mapped = useMemo(
    () => mapFieldErrors({ errors, controlPaths: collectControlPaths(stepForm.uischema) }),
    [errors, stepForm],
  );

  const ui: FormUi = {
    texts: stepForm.texts,
    serverErrors: mapped.byPath,
    touched,
    edited: edited.since === errors ? edited.paths : noPaths,
    submitted: attempts > 0,
    markTouched: (path) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path))),
    markEdited: (path) =>
      setEdited((prev) => ({
        since: errors,
        paths: new Set(prev.since === errors ? prev.paths : noPaths).add(path),
      })),
  };

  const submit = () => {
    if (busy) return;
    setAttempts((n) => n + 1);
    if ((core.current.errors?.length ?? 0) > 0) {
      setRefusedAttempts((n) => n + 1);
      return;
    }
    onSubmit(core.current.data as Record<string, unknown>);
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // After a refused attempt, take the user to what needs fixing.
  useEffect(() => {
    if (refusedAttempts === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedAttempts]);

  useEffect(() => {
    const delayMs = planAutoSubmit({ hideButtons, delaySeconds });
    if (delayMs === null) return;
    const timer = setTimeout(() => submitRef.current(), delayMs);
    return () => clearTimeout(timer);
  }, [hideButtons, delaySeconds]);

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {mapped.general.length > 0 && (
        <div className="notice notice--error">
          {mapped.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <FormUiContext.Provider value={ui}>
        {renderers === undefined ? (
          <p className="hint" role="status">
            Loading the form…
          </p>
        ) : (
          <JsonForms
            schema={stepForm.schema as JsonSchema}
            uischema={stepForm.uischema as unknown as UISchemaElement}
            data={data}
            middleware={middleware}
            renderers={renderers}
            ajv={validation.ajv}
            validationMode={validation.validationMode}
            readonly={readonly || busy}
            i18n={i18n}
          />
        )}
      </FormUiContext.Provider>
      {hideButtons ? (
        <p className="hint">Continuing automatically…</p>
      ) : (
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
