import { useState } from 'react';
import { chooseHeading } from '../../../renderer/flow/chooseHeading';
import { StepForm } from '../../../renderer/forms/StepForm';
import { StepErrorBoundary } from '../../../renderer/screens/StepErrorBoundary';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { type FieldError, type FormDraft, formApi } from './formApi';

/**
 * The live preview: the end user's own StepForm for `draft` in `locale`. "Try it" submits
 * the data to the server's dry run (versions:validateData) and shows the field errors a form
 * step would answer with. The parent keys it by the draft's revision and the locale: StepForm
 * fixes its form when it mounts.
 */
export function FormPreview({
  name,
  draft,
  locale,
}: {
  name: string;
  draft: FormDraft;
  locale: string;
}) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [outcome, setOutcome] = useState<string>();
  const [failed, setFailed] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const texts = draft.i18n?.[locale] ?? {};
  const form = {
    name,
    version: 0,
    schema: draft.schema,
    uischema: draft.uischema ?? {},
    texts,
  };
  const check = async (data: Record<string, unknown>) => {
    const answer = await formApi.checkData(name, { definition: draft, data, locale });
    return answer.errors;
  };
  const tryIt = async (data: Record<string, unknown>) => {
    setBusy(true);
    setFailed(undefined);
    setOutcome(undefined);
    try {
      const found = await check(data);
      setErrors(found);
      setOutcome(
        found.length === 0
          ? 'The server accepts this data.'
          : `The server refuses this data: ${found.length} field error(s).`,
      );
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="kc-form-preview" aria-label="Preview">
      <h3>{chooseHeading({ texts, fallback: 'Your details' })}</h3>
      <StepErrorBoundary
        resetKey="preview"
        fallback={<p role="alert">This form cannot be shown: its uischema does not render.</p>}
      >
        <StepForm
          form={form}
          locale={locale}
          initialData={{}}
          errors={errors}
          submitLabel="Try it"
          hideButtons={false}
          delaySeconds={0}
          busy={busy}
          onSubmit={(data) => void tryIt(data)}
          check={(data) => check(data).catch(() => null)}
        />
      </StepErrorBoundary>
      <p role="status">{outcome}</p>
      <ErrorNotice error={failed} />
    </section>
  );
}
