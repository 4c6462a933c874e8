export type MeasureJsonDepthOptions = {
  value: unknown;
  /** Stop walking once this depth is exceeded; the result is then `limit + 1`. */
  limit?: number;
};

/**
 * Nesting depth of objects/arrays: scalars → 0, `{}` → 1, `{a: []}` → 2.
 * Iterative so hostile inputs cannot overflow the call stack; cycles hit the limit.
 */
export function measureJsonDepth({
  value,
  limit = Number.POSITIVE_INFINITY,
}: MeasureJsonDepthOptions): number {
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    // Scalars add no nesting.
    if (typeof node !== 'object' || node === null) continue;
    const nodeDepth = depth + 1;
    if (nodeDepth > deepest) deepest = nodeDepth;
    // Early exit keeps hostile (or cyclic) inputs from being walked in full.
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push({ node: child, depth: nodeDepth });
  }
  return deepest;
}
