import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

const punctuation = /^[[\]{},:]$/;

/**
 * Where a JSON pointer (`/properties/userName/type`) points in an editor's JSON text: the start
 * of the deepest value it reaches, so an API error at a field is shown at its line even when
 * the last segment names something absent (a missing required property).
 */
export function locateJsonPointer(state: EditorState, pointer: string): number {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = valuesOf(syntaxTree(state).topNode)[0];
  if (node === undefined) return 0;
  for (const segment of segments) {
    const next = childAt(state, node, segment);
    if (next === undefined) break;
    node = next;
  }
  return node.from;
}

function childAt(state: EditorState, node: SyntaxNode, segment: string): SyntaxNode | undefined {
  if (node.name === 'Array') return valuesOf(node)[Number(segment)];
  if (node.name !== 'Object') return undefined;
  for (const property of valuesOf(node)) {
    const name = property.getChild('PropertyName');
    if (name === null || readKey(state.sliceDoc(name.from, name.to)) !== segment) continue;
    // A property's children: its name, ':' and its value (absent while it is being typed).
    return (
      valuesOf(property)
        .filter((n) => n.name !== 'PropertyName')
        .at(-1) ?? name
    );
  }
  return undefined;
}

function valuesOf(node: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (!child.type.isError && !punctuation.test(child.name)) found.push(child);
  }
  return found;
}

function readKey(text: string): string | undefined {
  try {
    const key: unknown = JSON.parse(text);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
