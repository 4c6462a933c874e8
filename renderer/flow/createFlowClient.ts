import type { FieldError, StepAction, StepView } from '../../runtime/engine/StepView';
import { asStepView } from './asStepView';
import { buildApiUrl } from './buildApiUrl';
import type { ApiResult, FlowError } from './FlowError';
import { parseApiError } from './parseApiError';

export interface StartedFlow {
  instanceId: string;
  step: StepView;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The end-user flow API (DESIGN §3). Never throws: every outcome, a dropped connection
 * included, comes back as an ApiResult so the screens can show it.
 */
export function createFlowClient({
  fetchFn = (input, init) => globalThis.fetch(input, init),
  pageSearch = '',
}: {
  fetchFn?: FetchLike;
  pageSearch?: string;
} = {}) {
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    read: (body: unknown) => T | null,
    body?: unknown,
  ): Promise<ApiResult<T>> => {
    let response: Response;
    try {
      response = await fetchFn(buildApiUrl({ path, pageSearch }), {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      return { ok: false, error: localError('network', 'NETWORK_ERROR', describe(cause)) };
    }
    const json = await readJson(response);
    if (!response.ok) {
      const retryAfter = response.headers.get('retry-after');
      return {
        ok: false,
        error: parseApiError({ status: response.status, body: json, retryAfter }),
      };
    }
    const value = read(json);
    if (value === null) {
      const message = `an unexpected body in the ${response.status} response to ${method} ${path}`;
      return { ok: false, error: localError('unexpected', 'UNEXPECTED_RESPONSE', message) };
    }
    return { ok: true, value };
  };

  const instancePath = (instanceId: string) => `/api/flow/${encodeURIComponent(instanceId)}`;

  return {
    start: (processTokenId: string) =>
      call('POST', `/api/flow/start/${encodeURIComponent(processTokenId)}`, readStarted, {}),
    getStep: (instanceId: string) => call('GET', `${instancePath(instanceId)}/step`, asStepView),
    postStep: (instanceId: string, stepId: string, action: StepAction) =>
      call(
        'POST',
        `${instancePath(instanceId)}/steps/${encodeURIComponent(stepId)}`,
        asStepView,
        action,
      ),
    /** A dry run of submitting `data`: the field errors the server would answer with. */
    checkStep: (instanceId: string, stepId: string, data: Record<string, unknown>) =>
      call(
        'POST',
        `${instancePath(instanceId)}/steps/${encodeURIComponent(stepId)}/validate`,
        readErrors,
        { data },
      ),
  };
}

export type FlowClient = ReturnType<typeof createFlowClient>;

function readStarted(body: unknown): StartedFlow | null {
  if (typeof body !== 'object' || body === null) return null;
  const { instanceId, step } = body as Record<string, unknown>;
  const view = asStepView(step);
  return typeof instanceId === 'string' && view !== null ? { instanceId, step: view } : null;
}

function readErrors(body: unknown): FieldError[] | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as FieldError[]) : null;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: the status alone must do.
    return null;
  }
}

function localError(kind: FlowError['kind'], code: string, message: string): FlowError {
  return { kind, status: 0, code, message, fields: [], step: null, retryAfterSeconds: null };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
