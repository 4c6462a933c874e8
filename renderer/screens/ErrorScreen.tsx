import { describeFlowError } from '../flow/describeFlowError';
import type { FlowError } from '../flow/FlowError';
import { ErrorActionButton } from './ErrorActionButton';
import { ScreenHeading } from './ScreenHeading';

/** A failure with no step left to show: what happened and the one thing to do next. */
export function ErrorScreen({
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
    <>
      <ScreenHeading>{title}</ScreenHeading>
      <p>{message}</p>
      {action && (
        <ErrorActionButton
          action={action}
          onRetry={onRetry}
          onLoadCurrentStep={onLoadCurrentStep}
        />
      )}
    </>
  );
}
