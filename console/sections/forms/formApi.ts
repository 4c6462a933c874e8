import { consoleFetch } from '../../api/consoleFetch';

/** What an editor holds: the upload's parts (POST /api/forms/{name}/versions). */
export interface FormDraft {
  schema: Record<string, unknown>;
  uischema?: Record<string, unknown>;
  i18n?: Record<string, Record<string, string>>;
  description?: string;
}

export interface FormVersionSummary {
  name: string;
  version: number;
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

export interface FormVersion extends FormVersionSummary {
  definition: FormDraft;
}

export interface FieldError {
  path: string;
  message: string;
}

const base = (name: string) => `/api/forms/${encodeURIComponent(name)}`;

/** The console's calls to the forms API, all through consoleFetch (the session's cookie). */
export const formApi = {
  list: () => consoleFetch<{ items: { name: string; latestVersion: number }[] }>('/api/forms'),
  versions: (name: string) =>
    consoleFetch<{ name: string; items: FormVersionSummary[] }>(`${base(name)}/versions`),
  version: (name: string, version: number) =>
    consoleFetch<FormVersion>(`${base(name)}/versions/${version}`),
  validate: (name: string, draft: FormDraft) =>
    consoleFetch<{ ok: true }>(`${base(name)}/versions:validate`, { method: 'POST', body: draft }),
  publish: (name: string, draft: FormDraft) =>
    consoleFetch<{ name: string; version: number }>(`${base(name)}/versions`, {
      method: 'POST',
      body: draft,
    }),
  checkData: (name: string, body: { definition: FormDraft; data: unknown; locale: string }) =>
    consoleFetch<{ locale: string; errors: FieldError[] }>(`${base(name)}/versions:validateData`, {
      method: 'POST',
      body,
    }),
};
