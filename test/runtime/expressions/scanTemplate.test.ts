// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the template syntax under test, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { scanTemplate } from '../../../runtime/expressions/scanTemplate';

describe('scanTemplate', () => {
  it('returns one expression segment for a template that is exactly one ${...}', () => {
    expect(scanTemplate({ template: '${a.b}' })).toEqual([
      { kind: 'expression', source: 'a.b', start: 0 },
    ]);
  });

  it('splits text and expressions, leaving out empty text', () => {
    expect(scanTemplate({ template: 'Hi ${a}, ${b}${c}!' })).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'expression', source: 'a', start: 3 },
      { kind: 'text', text: ', ' },
      { kind: 'expression', source: 'b', start: 9 },
      { kind: 'expression', source: 'c', start: 13 },
      { kind: 'text', text: '!' },
    ]);
    expect(scanTemplate({ template: '' })).toEqual([]);
    expect(scanTemplate({ template: 'plain' })).toEqual([{ kind: 'text', text: 'plain' }]);
  });

  it('skips } inside quoted strings, including escaped quotes', () => {
    expect(scanTemplate({ template: '${a["x}y"]}' })).toEqual([
      { kind: 'expression', source: 'a["x}y"]', start: 0 },
    ]);
    expect(scanTemplate({ template: '${a[\'}\'] == "}"} tail' })).toEqual([
      { kind: 'expression', source: 'a[\'}\'] == "}"', start: 0 },
      { kind: 'text', text: ' tail' },
    ]);
    expect(scanTemplate({ template: '${a["\\"}"]}' })).toEqual([
      { kind: 'expression', source: 'a["\\"}"]', start: 0 },
    ]);
    expect(scanTemplate({ template: '${`}`}' })).toEqual([
      { kind: 'expression', source: '`}`', start: 0 },
    ]);
  });

  it('balances braces inside an expression', () => {
    expect(scanTemplate({ template: '${ {a: 1} } x' })).toEqual([
      { kind: 'expression', source: ' {a: 1} ', start: 0 },
      { kind: 'text', text: ' x' },
    ]);
  });

  it('marks an unterminated ${ and stops there', () => {
    expect(scanTemplate({ template: 'a ${b} c ${d' })).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'expression', source: 'b', start: 2 },
      { kind: 'text', text: ' c ' },
      { kind: 'unterminated', source: 'd', start: 9 },
    ]);
    expect(scanTemplate({ template: '${a["}' })).toEqual([
      { kind: 'unterminated', source: 'a["}', start: 0 },
    ]);
    expect(scanTemplate({ template: '${' })).toEqual([
      { kind: 'unterminated', source: '', start: 0 },
    ]);
  });
});
