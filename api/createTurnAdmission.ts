/**
 * Admits requests a few per event-loop turn, so one burst of them cannot hold the event loop.
 * Requests that arrive after the current turn has already spent `budgetMs` wait in line and are
 * let in, oldest first, a few per turn: one more each time the last turn stayed within the
 * budget, one fewer when it did not. While anybody waits, newcomers line up behind them. Between
 * two turns the loop runs its timers and I/O: acknowledgements whose sync finished go out,
 * sockets are read, health checks answer. Without it, the clients one group commit answers
 * together come back together, and their next requests run back to back in one long turn;
 * throughput is the same either way, only the wait is shared out (bench/README.md, "Why the
 * storage is built this way").
 */
export function createTurnAdmission({
  budgetMs,
  now = () => performance.now(),
}: {
  budgetMs: number;
  now?: () => number;
}) {
  let turnStart: number | undefined;
  const waiting: Array<() => void> = [];
  const endTurn = () => {
    turnStart = undefined;
  };
  // How many to let in per turn: one more while turns stay within the budget, one fewer when not.
  // Not halved: a completion's second half (after verification) comes back unasked, and halving
  // starved completions.
  let perTurn = 1;
  let lastTurn: number | undefined;
  // Scheduled from the check phase, so each runs in a turn of its own.
  const letSomeIn = () => {
    const at = now();
    if (lastTurn !== undefined) {
      perTurn = Math.max(1, perTurn + (at - lastTurn <= budgetMs ? 1 : -1));
    }
    const next = waiting.splice(0, perTurn);
    if (waiting.length > 0) {
      lastTurn = at;
      setImmediate(letSomeIn);
    } else lastTurn = undefined;
    for (const proceed of next) proceed();
  };
  return {
    /** Call `proceed` now, or once the loop has had a turn for the requests before it. */
    admit(proceed: () => void) {
      const at = now();
      if (turnStart === undefined) {
        turnStart = at;
        setImmediate(endTurn);
      }
      if (waiting.length === 0 && at - turnStart < budgetMs) return proceed();
      waiting.push(proceed);
      // The first one waits for the next turn: this one has spent its budget.
      if (waiting.length === 1) setImmediate(() => setImmediate(letSomeIn));
    },
    /** How many requests are waiting for a turn. */
    waiting: () => waiting.length,
  };
}
