/**
 * Whether V8's backtracking matcher is cheap for `pattern` on any short text: no group, no
 * alternation and at most one quantifier leave it one choice to backtrack over (how many times
 * the quantified atom repeats), so a test costs at most (text length)² steps, never an
 * exponential number. Escapes and class contents are skipped, so `\(` or `[*+]` count as the
 * characters they are; a `{` after `\u` or `\p` counts as a quantifier, which only errs
 * towards the linear engine.
 */
export function isBacktrackBounded(pattern: string): boolean {
  let quantifiers = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== ']';
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(' || c === '|') return false;
    else if (c === '*' || c === '+' || c === '?' || c === '{') quantifiers++;
    if (quantifiers > 1) return false;
  }
  return true;
}
