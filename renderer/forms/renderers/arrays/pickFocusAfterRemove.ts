/**
 * Where focus goes once row `removed` is gone and `remaining` rows are left: the row that
 * took its place (so removing several in a row is one key press each), else the one before
 * it, else the add button, never the page's top.
 */
export function pickFocusAfterRemove({
  removed,
  remaining,
}: {
  removed: number;
  remaining: number;
}): { row: number } | { add: true } {
  if (remaining <= 0) return { add: true };
  return { row: Math.min(removed, remaining - 1) };
}
