import { composeWithUi, type Scopable, type UISchemaElement } from '@jsonforms/core';

/**
 * The data paths of every scoped element (Control, ListWithDetail) inside a uischema
 * element, composed onto `path` as JSON Forms composes them. An error at or below one of
 * these paths belongs to this part of the form (a category, a list item's detail). Walks
 * with a stack: uploads are depth-capped, but a renderer must not overflow on one.
 */
export function collectScopedPaths({
  element,
  path,
}: {
  element: UISchemaElement;
  path: string;
}): string[] {
  const paths: string[] = [];
  const stack: unknown[] = [element];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    const { scope, elements } = next as { scope?: unknown; elements?: unknown };
    if (typeof scope === 'string') paths.push(composeWithUi(next as Scopable, path));
    if (Array.isArray(elements)) stack.push(...elements);
  }
  return paths;
}
