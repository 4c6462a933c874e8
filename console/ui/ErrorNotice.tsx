import { ConsoleApiError } from '../api/ConsoleApiError';

export interface ErrorNoticeProps {
  /** A ConsoleApiError (code + message), any other error, or nothing (renders nothing). */
  error: unknown;
}

/** Shows an API error with its code and message, announced (role=alert); never swallowed. */
export function ErrorNotice({ error }: ErrorNoticeProps) {
  if (error === undefined || error === null) return null;
  const { code, message } = describeError(error);
  return (
    <div role="alert" className="kc-error">
      <strong className="kc-error-code">{code}</strong> <span>{message}</span>
    </div>
  );
}

/** The code and message of whatever was thrown. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ConsoleApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: error.name, message: error.message };
  return { code: 'ERROR', message: String(error) };
}
