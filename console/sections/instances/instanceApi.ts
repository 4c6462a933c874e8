import { consoleFetch } from '../../api/consoleFetch';

export const instanceStates = ['RUNNING', 'COMPLETED', 'FAILED', 'EXPIRED'] as const;
export type InstanceState = (typeof instanceStates)[number];

export interface InstanceSummary {
  id: string;
  definitionName: string;
  definitionVersion: number;
  state: InstanceState;
  cursor: string;
  decision: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The admin view (runtime/engine/describeInstance): captures come redacted by the server. */
export interface InstanceView {
  id: string;
  processDefnName: string;
  processDefnVersion: number;
  processTokenId: string | null;
  state: InstanceState;
  currentNode: string;
  currentStep: { stepId: string; nodeId: string; component: string } | null;
  history: {
    nodeId: string;
    type: string;
    at: string;
    event?: string;
    stepId?: string;
    note?: string;
  }[];
  failures: { nodeId: string; code: string; message: string; input?: string; template?: string }[];
  configurationError: {
    nodeId: string;
    input: string | null;
    template: string | null;
    code: string;
    message: string;
  } | null;
  decision: string | null;
  captures: Record<string, unknown>;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
}

const base = '/api/process-manager/processInstances';

export const instanceApi = {
  list: (query: { page: number; size: number; definitionName?: string; state?: string }) => {
    const params = new URLSearchParams({ page: String(query.page), size: String(query.size) });
    if (query.definitionName) params.set('definitionName', query.definitionName);
    if (query.state) params.set('state', query.state);
    return consoleFetch<{ items: InstanceSummary[]; page: number; size: number; total: number }>(
      `${base}?${params}`,
    );
  },
  get: (id: string) => consoleFetch<InstanceView>(`${base}/${encodeURIComponent(id)}`),
};
