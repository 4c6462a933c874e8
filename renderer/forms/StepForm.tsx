import type {
  JsonFormsCore,
  JsonSchema,
  Middleware,
  Translator,
  UISchemaElement,
} from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldError, FormSpec } from '../../runtime/engine/StepView';
import { collectControlPaths } from './collectControlPaths';
import { createFormTranslator } from './createFormTranslator';
import { type FormUi, FormUiContext } from './FormUiContext';
import { hasRules } from './hasRules';
import { labelDataPath } from './labelDataPath';
import { listUnshownErrors } from './listUnshownErrors';
import { mapFieldErrors } from './mapFieldErrors';
import { needsExtendedRenderers } from './needsExtendedRenderers';
import { planAutoSubmit } from './planAutoSubmit';
import { pointerToDataPath } from './pointerToDataPath';
import { prepareValidation } from './prepareValidation';
import { useFormRenderers } from './useFormRenderers';
import { type CheckData, useLiveValidation } from './useLiveValidation';
import { useRuleAjv } from './useRuleAjv';

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
  check,
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
  /** The server's dry run, used when the page's CSP stops ajv (prepareValidation). */
  check?: CheckData;
}) {
  // Fixed for the life of this step: a 400 re-render brings the same form as a new object,
  // and new props would make JSON Forms re-initialise and drop what the user typed.
  const [{ form: stepForm, data }] = useState(() => ({ form, data: { ...initialData } }));
  // JSON Forms' onChange is debounced (10 ms), too late for a quick Enter after typing;
  // the middleware sees every state synchronously, so submit reads the true data.
  const core = useRef<Pick<JsonFormsCore, 'data' | 'errors'>>({ data, errors: [] });
  const liveRef = useRef<ReturnType<typeof useLiveValidation>>(null);
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    const next = reducer(state, action);
    core.current = next;
    if (next.data !== state.data) liveRef.current?.edited();
    return next;
  }, []);
  const [refusedAttempts, setRefusedAttempts] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(noPaths);
  // Edits only hide the server errors they were made after; new errors show again.
  const [edited, setEdited] = useState({ since: errors, paths: noPaths });
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const validation = useMemo(() => prepareValidation(stepForm.schema), [stepForm]);
  // Without ajv, the server's dry run shows its errors before submit, as a 400 would.
  const live = useLiveValidation({
    check: validation.ajv === undefined ? check : undefined,
    base: errors,
    read: () => core.current.data as Record<string, unknown>,
  });
  liveRef.current = live;
  const submitted = attempts > 0;
  // A dry run's errors show, like ajv's, only at fields left already or after a submit.
  const shown =
    live.errors === errors || submitted
      ? live.errors
      : live.errors.filter((e) => touched.has(pointerToDataPath(e.path)));
  const needsExtended = useMemo(
    () => needsExtendedRenderers({ schema: stepForm.schema, uischema: stepForm.uischema }),
    [stepForm],
  );
  const renderers = useFormRenderers(needsExtended);
  // Rules and combinators need an ajv core can call; the page's CSP stops ajv compiling.
  const ruleAjv = useRuleAjv(
    validation.ajv === undefined && (needsExtended || hasRules(stepForm.uischema)),
  );
  const i18n = useMemo(
    () => ({ locale, translate: createFormTranslator(stepForm.texts) as Translator }),
    [locale, stepForm],
  );
  const controlPaths = useMemo(() => collectControlPaths(stepForm.uischema), [stepForm]);
  // After a refused attempt, the browser's errors no control shows are listed with the server's.
  const unshown =
    refusedAttempts > 0
      ? listUnshownErrors({
          errors: core.current.errors ?? [],
          controlPaths,
          translate: i18n.translate,
        })
      : [];
  const mapped = mapFieldErrors({
    errors: [...shown, ...unshown],
    controlPaths,
    labelOf: (path) => labelDataPath({ schema: stepForm.schema, texts: stepForm.texts, path }),
  });

  const ui: FormUi = {
    texts: stepForm.texts,
    serverErrors: mapped.byPath,
    touched,
    edited: edited.since === live.errors ? edited.paths : noPaths,
    submitted,
    attempts,
    stepErrors: errors,
    markTouched: (path) => {
      setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path)));
      live.touched();
    },
    markEdited: (path) =>
      setEdited((prev) => ({
        since: live.errors,
        paths: new Set(prev.since === live.errors ? prev.paths : noPaths).add(path),
      })),
  };

  const submit = async () => {
    if (busy) return;
    const data = core.current.data as Record<string, unknown>;
    const refused = (core.current.errors?.length ?? 0) > 0;
    // No answer (network, 429): submit anyway, the server validates it again.
    const found = live.enabled && !refused ? await live.run(data) : null;
    // A later check or edit took over: its answer decides.
    if (found === 'superseded') return;
    // Counted with the dry run's answer, so what moves to the first error sees that error.
    setAttempts((n) => n + 1);
    if (refused || (found && found.length > 0)) {
      setRefusedAttempts((n) => n + 1);
      return;
    }
    onSubmit(data);
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // After a refused attempt, take the user to what needs fixing.
  useEffect(() => {
    if (refusedAttempts === 0) return;
    const find = (selector: string) => formRef.current?.querySelector<HTMLElement>(selector);
    // An error no field shows is read out from the list at the top instead.
    (find('[aria-invalid="true"]') ?? find('.notice--error'))?.focus();
  }, [refusedAttempts]);

  useEffect(() => {
    const delayMs = planAutoSubmit({ hideButtons, delaySeconds });
    if (delayMs === null) return;
    const timer = setTimeout(() => void submitRef.current(), delayMs);
    return () => clearTimeout(timer);
  }, [hideButtons, delaySeconds]);

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {mapped.general.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1}>
          {mapped.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <FormUiContext.Provider value={ui}>
        {renderers === undefined || ruleAjv.pending ? (
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
            ajv={validation.ajv ?? ruleAjv.ajv}
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
