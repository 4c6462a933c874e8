import { describeFlowError } from '../flow/describeFlowError';
import type { FlowError } from '../flow/FlowError';
import { ErrorActionButton } from './ErrorActionButton';

/**
 * A failure that leaves the step usable (network, 5xx, 429): shown above it. role=alert
 * announces it; data-focus-first lets the shell move focus here.
 */
export function ErrorBanner({
  error,
  startLink,
  onRetry,
  onLoadCurrentStep,
}: {
  error: FlowError;
  startLink: string | null;
  onRetry: () => void;
  onLoadCurrentStep: () => void;
}) {
  const { title, message, action } = describeFlowError({ error, startLink });
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} data-focus-first="">
      <p className="notice__title">{title}</p>
      <p>{message}</p>
      {action && (
        <ErrorActionButton
          action={action}
          onRetry={onRetry}
          onLoadCurrentStep={onLoadCurrentStep}
        />
      )}
    </div>
  );
}
