import { RuntimeError } from '../RuntimeError';

/** The answer to a request for a step the instance has left (or a save that lost the race). */
export function staleStepError(details?: { currentStepId: string | null }) {
  return new RuntimeError(
    'STEP_STALE',
    'this page is out of date: the registration has moved on',
    details ? { details } : undefined,
  );
}
