import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ConsoleApiError } from '../../api/ConsoleApiError';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormPreview } from './FormPreview';
import { type FormDraft, type FormVersion, formApi } from './formApi';
import { JsonEditor } from './JsonEditor';
import {
  type DraftPart,
  type DraftTexts,
  draftParts,
  parseDraft,
  printPart,
  splitFieldErrors,
} from './parseDraft';

const previewDelayMs = 300;
// The JSON beside the preview, as the issue asks; each column may shrink below its content.
const panesStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
  gap: '1.5rem',
  alignItems: 'start',
} as const;
const noProblems = { schema: [], uischema: [], i18n: [] };
type Problems = ReturnType<typeof splitFieldErrors>['byPart'];

/**
 * One version in the editor: schema, uischema and i18n as JSON beside the live preview. Each
 * edit (debounced) is parsed, then checked by the server's upload dry run (versions:validate);
 * only a definition it accepts reaches the preview, so a broken edit keeps the last good one.
 */
export function FormEditor({
  version,
  onPublished,
}: {
  version: FormVersion;
  onPublished: (version: number) => void;
}) {
  const { name, definition } = version;
  const texts = useRef<DraftTexts>({
    schema: printPart(definition.schema),
    uischema: printPart(definition.uischema),
    i18n: printPart(definition.i18n),
  });
  const [preview, setPreview] = useState<{ draft: FormDraft; revision: number }>({
    draft: definition,
    revision: 0,
  });
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [general, setGeneral] = useState<unknown>();
  const [published, setPublished] = useState<number>();
  const [publishing, setPublishing] = useState(false);
  const locales = useMemo(() => Object.keys(preview.draft.i18n ?? {}), [preview.draft]);
  const [locale, setLocale] = useState(() => pickLocale(Object.keys(definition.i18n ?? {})));
  const shownLocale = locales.includes(locale) ? locale : pickLocale(locales);
  const localeId = useId();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const checks = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const showRefusal = (error: unknown) => {
    const fields = error instanceof ConsoleApiError ? error.details?.fields : undefined;
    setProblems(Array.isArray(fields) ? splitFieldErrors(fields).byPart : noProblems);
    setGeneral(error);
  };

  const refresh = async () => {
    const ticket = ++checks.current;
    const parsed = parseDraft(texts.current, definition.description);
    if (!parsed.ok) {
      setProblems(noProblems);
      setGeneral(new Error(`${parsed.part}: ${parsed.message}`));
      return;
    }
    try {
      await formApi.validate(name, parsed.draft);
      if (ticket !== checks.current) return;
      setProblems(noProblems);
      setGeneral(undefined);
      setPreview((prev) => ({ draft: parsed.draft, revision: prev.revision + 1 }));
    } catch (error) {
      if (ticket === checks.current) showRefusal(error);
    }
  };

  const edit = (part: DraftPart, text: string) => {
    texts.current = { ...texts.current, [part]: text };
    setPublished(undefined);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), previewDelayMs);
  };

  const publish = async () => {
    clearTimeout(timer.current);
    checks.current += 1;
    const parsed = parseDraft(texts.current, definition.description);
    if (!parsed.ok) {
      setGeneral(new Error(`${parsed.part}: ${parsed.message}`));
      return;
    }
    setPublishing(true);
    try {
      const created = await formApi.publish(name, parsed.draft);
      setProblems(noProblems);
      setGeneral(undefined);
      setPublished(created.version);
    } catch (error) {
      showRefusal(error);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <div className="kc-form-editor">
      <div className="kc-form-editor-toolbar">
        <Button variant="primary" busy={publishing} onClick={() => void publish()}>
          Publish
        </Button>
        <p role="status">
          {published !== undefined && (
            <>
              Published version {published}.{' '}
              <Button onClick={() => onPublished(published)}>Open version {published}</Button>
            </>
          )}
        </p>
      </div>
      <ErrorNotice error={general} />
      <div className="kc-form-editor-panes" style={panesStyle}>
        <div className="kc-form-editor-json">
          {draftParts.map((part) => (
            <JsonEditor
              key={part}
              label={part}
              initial={texts.current[part]}
              problems={problems[part]}
              onChange={(text) => edit(part, text)}
            />
          ))}
        </div>
        <div className="kc-form-editor-preview">
          <label htmlFor={localeId}>Preview locale</label>{' '}
          <select id={localeId} value={shownLocale} onChange={(e) => setLocale(e.target.value)}>
            {(locales.length > 0 ? locales : [shownLocale]).map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <FormPreview
            key={`${preview.revision} ${shownLocale}`}
            name={name}
            draft={preview.draft}
            locale={shownLocale}
          />
        </div>
      </div>
    </div>
  );
}

const pickLocale = (available: string[]) =>
  available.includes('en') ? 'en' : (available[0] ?? 'en');
