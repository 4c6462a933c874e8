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

/** What `processes.json` holds: process definition versions and the start links into them. */
export interface ProcessDefinitions {
  versions: ProcessDefinitionRecord[];
  tokens: ProcessTokenRecord[];
}

export interface ProcessDefinitionRecord {
  tenantId: string;
  name: string;
  version: number;
  definition: Record<string, unknown>;
  sha256: string;
  createdAt: string;
}

export interface ProcessTokenRecord {
  id: string;
  tenantId: string;
  name: string;
  processDefnName: string;
  /** null: the latest version at the moment an instance starts. */
  processDefnVersion: number | null;
  type: 'UNLIMITED' | 'SINGLE_USE';
  parameters: Record<string, unknown>;
  expiresAt: string | null;
  createdAt: string;
  usedAt: string | null;
}
