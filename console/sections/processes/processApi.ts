import { consoleFetch } from '../../api/consoleFetch';

const base = '/api/process-manager/processDefinitions';

export interface DefinitionName {
  name: string;
  latestVersion: number;
}
export interface VersionSummary {
  name: string;
  version: number;
  sha256: string;
  createdAt: string;
  builtin: boolean;
}

/** The process manager API as the Processes section uses it (through consoleFetch only). */
export const processApi = {
  listDefinitions: () => consoleFetch<{ items: DefinitionName[] }>(base),
  listVersions: (name: string) =>
    consoleFetch<{ name: string; items: VersionSummary[] }>(
      `${base}/${encodeURIComponent(name)}/versions`,
    ),
  getVersion: (name: string, version: number) =>
    consoleFetch<VersionSummary & { definition: Record<string, unknown> }>(
      `${base}/${encodeURIComponent(name)}/versions/${version}`,
    ),
  /** The upload's checks without storing: resolves, or rejects with PROCESS_DEFINITION_INVALID. */
  validate: (name: string, definition: unknown) =>
    consoleFetch<{ ok: true }>(`${base}/${encodeURIComponent(name)}/versions:validate`, {
      method: 'POST',
      body: { definition },
    }),
  publish: (name: string, definition: unknown) =>
    consoleFetch<{ name: string; version: number }>(
      `${base}/${encodeURIComponent(name)}/versions`,
      { method: 'POST', body: { definition } },
    ),
  listFormVersions: (formName: string) =>
    consoleFetch<{ items: { version: number }[] }>(
      `/api/forms/${encodeURIComponent(formName)}/versions`,
    ),
};
