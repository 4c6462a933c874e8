import autocannon from 'autocannon';

export interface LoadResult {
  /** 2xx responses per second: failed requests are not throughput. */
  rps: number;
  ok: number;
  failed: number;
  errors: number;
  p50: number;
  p99: number;
  seconds: number;
  statusCodes: Record<string, number>;
  /** True when the run stopped early because `amount` requests were all sent. */
  exhausted: boolean;
}

/**
 * One autocannon run against `baseUrl`, bounded by `seconds` (and by `amount` requests when
 * given: the complete scenarios have only so many pre-built responses). No pipelining: each
 * connection waits for its response, like a client.
 */
export async function runLoad({
  baseUrl,
  connections,
  seconds,
  requests,
  headers,
  amount,
}: {
  baseUrl: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  headers: Record<string, string>;
  amount?: number;
}): Promise<LoadResult> {
  const instance = autocannon({
    url: baseUrl,
    connections,
    pipelining: 1,
    timeout: 30,
    headers,
    requests,
    ...(amount === undefined ? { duration: seconds } : { amount: Math.max(amount, connections) }),
  });
  // With `amount`, autocannon ignores `duration`; stop it ourselves (it stops on a 1 s tick).
  // The promise autocannon returns is also its instance (typed as a bare Promise).
  const stop = () => (instance as unknown as autocannon.Instance).stop();
  const timer = amount === undefined ? undefined : setTimeout(stop, seconds * 1000 - 100);
  const result = await instance;
  clearTimeout(timer);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]),
  );
  return {
    rps: result['2xx'] / result.duration,
    ok: result['2xx'],
    failed: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    seconds: result.duration,
    statusCodes,
    exhausted: amount !== undefined && result.duration < seconds - 0.5,
  };
}
