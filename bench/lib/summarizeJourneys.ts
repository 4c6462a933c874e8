/** Whole end-user journeys in one timed run, as the end user counts them. */
export interface JourneyStats {
  /** Journeys that reached the success end step within the run. */
  completed: number;
  perSecond: number;
  /** Start link request sent → success end step received, in ms. */
  p50: number;
  p99: number;
  /** Each request's round trip, p50 in ms, by step. */
  stepsP50?: Record<string, number>;
  /** Mean time the software authenticator took per response, in the load generator, in µs. */
  authenticatorUs?: number;
  /** The server's CPU time over the run per completed journey, in ms (set by measure). */
  serverCpuMs?: number;
  /** The first unexpected answer of the run (which request, status, the body's start). */
  firstFailure?: string;
}

/**
 * Journeys per second and the journey time's p50 / p99 (nearest rank) over `seconds`: the request
 * rates autocannon reports count each of a journey's round trips, not what a user waits for.
 */
export function summarizeJourneys({
  durationsMs,
  seconds,
  stepsMs,
  authenticatorUs,
  firstFailure,
}: {
  durationsMs: number[];
  seconds: number;
  stepsMs?: Record<string, number[]>;
  authenticatorUs?: number;
  firstFailure?: string;
}): JourneyStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    completed: sorted.length,
    perSecond: sorted.length / seconds,
    p50: rank(sorted, 0.5),
    p99: rank(sorted, 0.99),
    ...(stepsMs === undefined
      ? {}
      : {
          stepsP50: Object.fromEntries(
            Object.entries(stepsMs).map(([step, ms]) => [
              step,
              rank(
                [...ms].sort((a, b) => a - b),
                0.5,
              ),
            ]),
          ),
        }),
    ...(authenticatorUs === undefined ? {} : { authenticatorUs }),
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

/** The nearest-rank percentile `p` of ascending `sorted`; NaN when it is empty. */
const rank = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
