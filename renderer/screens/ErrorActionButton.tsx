import type { ErrorAction } from '../flow/describeFlowError';

/** The one next step an error offers: a retry, a reload of the current step, or a link. */
export function ErrorActionButton({
  action,
  onRetry,
  onLoadCurrentStep,
}: {
  action: ErrorAction;
  onRetry: () => void;
  onLoadCurrentStep: () => void;
}) {
  if (action.kind === 'startAgain') {
    return (
      <a className="button" href={action.href}>
        {action.label}
      </a>
    );
  }
  const onClick = action.kind === 'retry' ? onRetry : onLoadCurrentStep;
  return (
    <button type="button" className="button" onClick={onClick}>
      {action.label}
    </button>
  );
}
