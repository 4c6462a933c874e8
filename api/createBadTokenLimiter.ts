const windowMs = 60_000;

/**
 * Counts requests whose bearer token is unknown, revoked or expired, per address and fixed
 * minute, so tokens cannot be guessed at full speed. Only failures count: a valid token's
 * traffic never touches the budget. Once an address is over it, its API requests are refused
 * before any token lookup (a right guess would look like every wrong one) until the minute ends.
 * At most `maxAddresses` are tracked; beyond that the oldest is forgotten, so a flood of
 * addresses costs bounded memory (each of them still gets only `max` guesses).
 */
export function createBadTokenLimiter({
  max,
  now,
  maxAddresses = 50_000,
}: {
  /** Failed authentications per address and minute; 0 turns the limit off. */
  max: number;
  now: () => number;
  maxAddresses?: number;
}) {
  let windowStart = Number.NEGATIVE_INFINITY;
  const failures = new Map<string, number>();
  const roll = () => {
    const time = now();
    if (time - windowStart < windowMs && time >= windowStart) return;
    windowStart = time;
    failures.clear();
  };
  return {
    /** Whether `address` has used up this minute's failures. */
    refuses(address: string) {
      if (max === 0) return false;
      roll();
      return (failures.get(address) ?? 0) >= max;
    },
    /** Count one failed authentication from `address`. */
    strike(address: string) {
      if (max === 0) return;
      roll();
      const count = failures.get(address);
      if (count === undefined && failures.size >= maxAddresses) {
        failures.delete(failures.keys().next().value as string);
      }
      failures.set(address, (count ?? 0) + 1);
    },
  };
}
