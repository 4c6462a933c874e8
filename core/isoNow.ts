/** The injected clock's now as an ISO 8601 timestamp. */
export const isoNow = (deps: { now: () => number }) => new Date(deps.now()).toISOString();
