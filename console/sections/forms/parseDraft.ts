import type { FormDraft } from './formApi';

export type DraftPart = 'schema' | 'uischema' | 'i18n';
export const draftParts: readonly DraftPart[] = ['schema', 'uischema', 'i18n'];
export type DraftTexts = Record<DraftPart, string>;

export type ParsedDraft =
  | { ok: true; draft: FormDraft }
  | { ok: false; part: DraftPart; message: string };

/**
 * The editors' three texts as an upload body. An empty uischema or i18n editor leaves that part
 * out (the server fills a default uischema); text that is not a JSON object is refused here,
 * naming its editor, before anything is sent.
 */
export function parseDraft(texts: DraftTexts, description?: string): ParsedDraft {
  const draft: Record<string, unknown> = {};
  for (const part of draftParts) {
    const text = texts[part].trim();
    if (text === '' && part !== 'schema') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, part, message: 'expected a JSON object' };
      }
      draft[part] = value;
    } catch (error) {
      return { ok: false, part, message: error instanceof Error ? error.message : String(error) };
    }
  }
  if (description !== undefined) draft.description = description;
  // Every part was checked to be a JSON object above; the server judges the rest.
  return { ok: true, draft: draft as unknown as FormDraft };
}

/** The API's `details.fields` (pointers into the upload) split by the editor they point into. */
export function splitFieldErrors(fields: readonly { path: string; message: string }[]) {
  const byPart: Record<DraftPart, { pointer: string; message: string }[]> = {
    schema: [],
    uischema: [],
    i18n: [],
  };
  const general: string[] = [];
  for (const { path, message } of fields) {
    const [, first = '', ...rest] = path.split('/');
    const part = draftParts.find((p) => p === first);
    if (part === undefined) general.push(`${path || '/'} ${message}`);
    else byPart[part].push({ pointer: rest.length > 0 ? `/${rest.join('/')}` : '', message });
  }
  return { byPart, general };
}

/** A version's part pretty-printed for its editor ('' for an absent optional part). */
export const printPart = (value: unknown) =>
  value === undefined ? '' : JSON.stringify(value, null, 2);
