import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { locateJsonPointer } from './locateJsonPointer';

const problemsChanged = StateEffect.define<null>();

/** An error from the API at a JSON pointer into this editor's document. */
export interface PointerProblem {
  pointer: string;
  message: string;
}

export interface JsonEditorHandle {
  /** Show the API's errors at their lines, beside JSON syntax errors. */
  setProblems: (problems: readonly PointerProblem[]) => void;
  destroy: () => void;
}

/**
 * A CodeMirror 6 JSON editor (highlighting, bracket matching, JSON syntax errors at their line
 * and the API's errors at the line of their pointer). Loaded with import(): the console's first
 * screen does not carry CodeMirror.
 */
export function createJsonEditor({
  parent,
  doc,
  label,
  onChange,
}: {
  parent: HTMLElement;
  doc: string;
  label: string;
  onChange: (text: string) => void;
}): JsonEditorHandle {
  let problems: readonly PointerProblem[] = [];
  const syntax = jsonParseLinter();
  const lint = linter(
    (view): Diagnostic[] => {
      const parseErrors = syntax(view);
      // Pointers into text that no longer parses would land anywhere: syntax errors first.
      if (parseErrors.length > 0) return parseErrors;
      return problems.map(({ pointer, message }) => {
        const from = locateJsonPointer(view.state, pointer);
        const line = view.state.doc.lineAt(from);
        return { from, to: Math.max(from, line.to), severity: 'error', message };
      });
    },
    {
      delay: 300,
      // New API errors re-run the linter without an edit (forceLinting only hurries a pending run).
      needsRefresh: (update) =>
        update.transactions.some((tr) => tr.effects.some((e) => e.is(problemsChanged))),
    },
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        foldGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        json(),
        lint,
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        // CodeMirror's default gutter grey is below WCAG AA contrast (axe: color-contrast).
        EditorView.theme({
          '.cm-gutters': { color: '#4a4a4a', backgroundColor: '#f3f3f3' },
          '&': { border: '1px solid #767676' },
        }),
        // Wrapped and as tall as its text: no scrolling box that a keyboard could not reach
        // (axe: scrollable-region-focusable); the page scrolls instead.
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setProblems: (next) => {
      problems = next;
      view.dispatch({ effects: problemsChanged.of(null) });
    },
    destroy: () => view.destroy(),
  };
}
