/**
 * The tab position a key moves to in the ARIA tabs pattern (APG "Tabs"): Left/Right wrap
 * around, Home/End go to the ends. `undefined` for any other key, which the tab ignores.
 */
export function moveTabFocus({
  key,
  current,
  count,
}: {
  key: string;
  current: number;
  count: number;
}): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
