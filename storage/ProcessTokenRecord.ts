/** A start link into a process definition: reusable (UNLIMITED) or good for one instance. */
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
