/** A promise settled from outside, shared by everybody waiting for the same thing. */
export type Outcome = {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
};

export function createOutcome(): Outcome {
  const outcome = {} as Outcome;
  outcome.promise = new Promise<void>((resolve, reject) => {
    outcome.resolve = resolve;
    outcome.reject = reject;
  });
  // A failure reaches whoever waits; nobody waiting is not an unhandled rejection.
  outcome.promise.catch(() => undefined);
  return outcome;
}
