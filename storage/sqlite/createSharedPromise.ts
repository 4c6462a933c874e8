/**
 * A promise settled from outside, shared by everybody waiting for the same thing (a write
 * batch's COMMIT, a WAL sync), so a thousand waiters cost one promise.
 */
export type SharedPromise = {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
};

/** A SharedPromise whose failure, with nobody waiting, is not an unhandled rejection. */
export function createSharedPromise(): SharedPromise {
  const shared = {} as SharedPromise;
  shared.promise = new Promise<void>((resolve, reject) => {
    shared.resolve = resolve;
    shared.reject = reject;
  });
  // A failure reaches whoever waits; nobody waiting is not an unhandled rejection.
  shared.promise.catch(() => undefined);
  return shared;
}
