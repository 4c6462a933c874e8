import { ConsoleApiError } from './ConsoleApiError';

export interface ConsoleRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData is sent as it is (multipart uploads). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Call Keyform's public API as the signed-in console user: same origin, the console session's
 * cookie (never a token in script), JSON in and out. An error answer rejects with a
 * ConsoleApiError carrying the API's code, message and details; a network failure with code
 * `NETWORK`.
 */
export async function consoleFetch<T>(path: string, request: ConsoleRequest = {}): Promise<T> {
  const { method = 'GET', body, headers = {} } = request;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined || isForm ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch (error) {
    throw new ConsoleApiError(0, 'NETWORK', `Keyform could not be reached (${String(error)})`);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const error = (
      json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } }
    )?.error;
    throw new ConsoleApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? (text || response.statusText),
      error?.details,
    );
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
