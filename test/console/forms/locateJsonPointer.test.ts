import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { locateJsonPointer } from '../../../console/sections/forms/locateJsonPointer';

const text = JSON.stringify(
  {
    type: 'VerticalLayout',
    elements: [{ type: 'Control' }, { scope: '#/properties/a~b/c' }],
    'a/b': 1,
  },
  null,
  2,
);
const state = EditorState.create({ doc: text, extensions: [json()] });
ensureSyntaxTree(state, state.doc.length, 5000);
const lineOf = (pointer: string) => state.doc.lineAt(locateJsonPointer(state, pointer)).number;
const lineWith = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('locateJsonPointer', () => {
  it('finds values through objects and arrays, with escaped segments', () => {
    expect(lineOf('/elements/1/scope')).toBe(lineWith('"scope"'));
    expect(lineOf('/elements/0')).toBe(lineWith('"type": "Control"') - 1);
    expect(lineOf('/a~1b')).toBe(lineWith('"a/b"'));
  });

  it('stops at the deepest value that exists', () => {
    expect(lineOf('/elements/0/missing')).toBe(lineWith('"type": "Control"') - 1);
    expect(lineOf('')).toBe(1);
    expect(lineOf('/nope')).toBe(1);
  });
});
