type Json = Record<string, unknown>;

/** Why a button of an array control does nothing now; `undefined` when it works. */
export type ArrayBlock = 'readonly' | 'option' | 'minItems' | 'maxItems' | undefined;

/**
 * Which of add and remove an array control offers now. `minItems`/`maxItems` are enforced
 * always (JSON Forms does only with `options.restrict`): the server refuses the submission
 * anyway, so a button that leads there helps nobody. `options.disableAdd`/`disableRemove`
 * are JSON Forms' material options. Blocked buttons stay focusable (`aria-disabled`) with the
 * reason tied to them, so a screen reader can learn why.
 */
export function planArrayLimits({
  count,
  arraySchema,
  options,
  enabled,
}: {
  count: number;
  arraySchema: Json;
  options: Json;
  enabled: boolean;
}) {
  const min = nonNegative(arraySchema.minItems) ?? 0;
  const max = nonNegative(arraySchema.maxItems) ?? Number.POSITIVE_INFINITY;
  const add: ArrayBlock = !enabled
    ? 'readonly'
    : options.disableAdd === true
      ? 'option'
      : count >= max
        ? 'maxItems'
        : undefined;
  const remove: ArrayBlock = !enabled
    ? 'readonly'
    : options.disableRemove === true
      ? 'option'
      : count <= min
        ? 'minItems'
        : undefined;
  return { min, max, add, remove, showAdd: add !== 'option', showRemove: remove !== 'option' };
}

function nonNegative(value: unknown) {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
