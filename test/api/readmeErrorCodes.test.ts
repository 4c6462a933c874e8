import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { errorStatus } from '../../api/errorStatus';

it('documents every error code in the README, under its status', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = readme.split('\n').filter((line) => /^\|\s*\d{3}\s*\|/.test(line));
  const documented = new Map(
    rows.flatMap((row) => {
      const status = Number(/\d{3}/.exec(row)?.[0]);
      return [...row.matchAll(/`([A-Z_]+)`/g)].map((m) => [m[1], status] as const);
    }),
  );
  const missing = Object.entries(errorStatus).filter(
    ([code, status]) => documented.get(code) !== status,
  );
  expect(missing).toEqual([]);
});
