import type { ProcessTokenRecord } from './ProcessTokenRecord';

/** What `forms.json` holds: every uploaded form version, immutable once written. */
export interface FormDefinitions {
  versions: FormVersionRecord[];
}

export interface FormVersionRecord {
  tenantId: string;
  name: string;
  version: number;
  /** The validated form definition `{schema, uischema, i18n?, description?}`. */
  definition: Record<string, unknown>;
  sha256: string;
  createdAt: string;
}

/** What `processes.json` holds: process definition versions. */
export interface ProcessDefinitions {
  versions: ProcessDefinitionRecord[];
  /**
   * Start links, only in a file written before they became records (process_tokens);
   * openStorage moves them there on the first start and drops them from the file.
   */
  tokens?: ProcessTokenRecord[];
}

export interface ProcessDefinitionRecord {
  tenantId: string;
  name: string;
  version: number;
  definition: Record<string, unknown>;
  sha256: string;
  createdAt: string;
}
