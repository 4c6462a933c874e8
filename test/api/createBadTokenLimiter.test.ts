import { expect, it } from 'vitest';
import { createBadTokenLimiter } from '../../api/createBadTokenLimiter';

it('refuses an address past its failures until the minute ends', () => {
  const clock = { now: 0 };
  const limiter = createBadTokenLimiter({ max: 2, now: () => clock.now });
  limiter.strike('a');
  expect(limiter.refuses('a')).toBe(false);
  limiter.strike('a');
  expect([limiter.refuses('a'), limiter.refuses('b')]).toEqual([true, false]);
  clock.now = 59_999;
  expect(limiter.refuses('a')).toBe(true);
  clock.now = 60_000;
  expect(limiter.refuses('a')).toBe(false);
});

it('tracks a bounded number of addresses, forgetting the oldest', () => {
  const limiter = createBadTokenLimiter({ max: 1, now: () => 0, maxAddresses: 3 });
  for (const address of ['a', 'b', 'c', 'd']) limiter.strike(address);
  expect(['a', 'b', 'c', 'd'].map((x) => limiter.refuses(x))).toEqual([false, true, true, true]);
});

it('is off at 0', () => {
  const limiter = createBadTokenLimiter({ max: 0, now: () => 0 });
  for (let i = 0; i < 10; i++) limiter.strike('a');
  expect(limiter.refuses('a')).toBe(false);
});
