export type TranslatedPattern = { ok: true; source: string } | { ok: false; reason: string };

/** ECMAScript's `\s` (WhiteSpace and LineTerminator), as RE2 class ranges. */
const SPACE =
  '\\x{9}-\\x{d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** ECMAScript's `\S`: the complement of SPACE over every code point. */
const NOT_SPACE =
  '\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}' +
  '\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}\\x{ff00}-\\x{10ffff}';
/** ECMAScript's `.` without the `s` flag: anything but a line terminator. */
const DOT = '[^\\x{a}\\x{d}\\x{2028}\\x{2029}]';
const ANY = '\\x{0}-\\x{10ffff}';
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { f: 12, n: 10, r: 13, t: 9, v: 11 };
const PROPERTY_NAMES: ReadonlySet<string> = new Set(['General_Category', 'gc', 'Script', 'sc']);

type Piece = { text: string; next: number; single?: boolean } | { reason: string };

/**
 * Rewrites a JSON Schema `pattern` (ECMA-262 syntax with the `u` flag, as ajv compiles it) into
 * RE2 syntax with the same meaning, so a linear-time engine can run it. Where the two dialects
 * differ (`\s`, `.`, `\u` escapes, `[^]`, `\cX`, `[\b]`) the meaning kept is ECMAScript's: the
 * browser's check and the server's agree. What a finite automaton cannot express
 * (backreferences, lookaround) comes back with a reason instead. Capturing groups become
 * non-capturing: only `test` is ever asked. Literals other than letters and digits are written
 * as `\x{…}` so that no character means something else to RE2 than it did to ECMAScript.
 */
export function translateEcmaPattern({ pattern }: { pattern: string }): TranslatedPattern {
  try {
    // Only a pattern ECMAScript itself accepts has a meaning to keep; compiling runs nothing.
    new RegExp(pattern, 'u');
  } catch (error) {
    return { ok: false, reason: `not a valid ECMAScript regular expression (${String(error)})` };
  }
  const cps = Array.from(pattern);
  let out = '';
  let i = 0;
  while (i < cps.length) {
    const piece = readAtom(cps, i);
    if ('reason' in piece) return { ok: false, reason: piece.reason };
    out += piece.text;
    i = piece.next;
  }
  return { ok: true, source: out };
}

function readAtom(cps: string[], i: number): Piece {
  const c = cps[i]!;
  if (c === '\\') return readEscape(cps, i + 1, false);
  if (c === '[') return readClass(cps, i + 1);
  if (c === '.') return { text: DOT, next: i + 1 };
  if (c === '(') return readGroupOpening(cps, i);
  if (c === '{') {
    // The `u` flag makes `{` outside a class always a quantifier: copy `{n}`, `{n,}`, `{n,m}`.
    const close = cps.indexOf('}', i);
    return { text: cps.slice(i, close + 1).join(''), next: close + 1 };
  }
  if (')|*+?^$'.includes(c)) return { text: c, next: i + 1 };
  return { text: literal(c.codePointAt(0)!), next: i + 1, single: true };
}

function readGroupOpening(cps: string[], i: number): Piece {
  if (cps[i + 1] !== '?') return { text: '(?:', next: i + 1 };
  const kind = cps[i + 2];
  if (kind === ':') return { text: '(?:', next: i + 3 };
  if (kind === '=' || kind === '!') {
    return { reason: 'lookahead ((?= or (?!) is not supported by the linear-time engine' };
  }
  if (kind === '<' && (cps[i + 3] === '=' || cps[i + 3] === '!')) {
    return { reason: 'lookbehind ((?<= or (?<!) is not supported by the linear-time engine' };
  }
  if (kind === '<') return { text: '(?:', next: cps.indexOf('>', i) + 1 };
  return { reason: `the group syntax (?${kind ?? ''} is not supported by the linear-time engine` };
}

function readEscape(cps: string[], j: number, inClass: boolean): Piece {
  const e = cps[j] ?? '';
  if ('dDwW'.includes(e)) return { text: `\\${e}`, next: j + 1 };
  if (e === 'b' && inClass) return { text: literal(8), next: j + 1, single: true };
  if (e === 'b' || e === 'B') return { text: `\\${e}`, next: j + 1 };
  if (e === 's') return { text: inClass ? SPACE : `[${SPACE}]`, next: j + 1 };
  if (e === 'S') return { text: inClass ? NOT_SPACE : `[${NOT_SPACE}]`, next: j + 1 };
  const control = CONTROL_ESCAPES[e];
  if (control !== undefined) return { text: literal(control), next: j + 1, single: true };
  if (e === '0') return { text: literal(0), next: j + 1, single: true };
  if (/[1-9]/.test(e) || e === 'k') {
    return {
      reason: 'backreferences (\\1, \\k<name>) are not supported by the linear-time engine',
    };
  }
  if (e === 'c') {
    return { text: literal(cps[j + 1]!.codePointAt(0)! % 32), next: j + 2, single: true };
  }
  if (e === 'x') return hexLiteral(cps.slice(j + 1, j + 3).join(''), j + 3);
  if (e === 'u') return readUnicodeEscape(cps, j + 1);
  if (e === 'p' || e === 'P') return readProperty(cps, j + 1, e);
  // Anything else escaped is that character itself (`\.`, `\/`, `\-`, ...).
  return { text: literal(e.codePointAt(0)!), next: j + 1, single: true };
}

function readUnicodeEscape(cps: string[], j: number): Piece {
  if (cps[j] === '{') {
    const close = cps.indexOf('}', j);
    return hexLiteral(cps.slice(j + 1, close).join(''), close + 1);
  }
  const unit = Number.parseInt(cps.slice(j, j + 4).join(''), 16);
  const low = cps[j + 4] === '\\' && cps[j + 5] === 'u' ? cps.slice(j + 6, j + 10).join('') : '';
  const lowUnit = /^[0-9a-fA-F]{4}$/.test(low) ? Number.parseInt(low, 16) : Number.NaN;
  // With the `u` flag an escaped surrogate pair is one code point, as in the matched text.
  if (unit >= 0xd800 && unit <= 0xdbff && lowUnit >= 0xdc00 && lowUnit <= 0xdfff) {
    const codePoint = (unit - 0xd800) * 0x400 + (lowUnit - 0xdc00) + 0x10000;
    return { text: literal(codePoint), next: j + 10, single: true };
  }
  return { text: literal(unit), next: j + 4, single: true };
}

function readProperty(cps: string[], j: number, e: string): Piece {
  const close = cps.indexOf('}', j);
  const body = cps.slice(j + 1, close).join('');
  const [name, value] = body.includes('=') ? body.split('=') : [undefined, body];
  // RE2 names general categories and scripts alone; other properties have no RE2 spelling.
  if (name !== undefined && !PROPERTY_NAMES.has(name)) {
    return { reason: `the Unicode property ${name} is not supported by the linear-time engine` };
  }
  return { text: `\\${e}{${value}}`, next: close + 1 };
}

function readClass(cps: string[], j: number): Piece {
  const negated = cps[j] === '^';
  let i = negated ? j + 1 : j;
  let body = '';
  // A `-` after one character (not a class escape, not a range's end) makes a range.
  let previousSingle = false;
  let rangeOpen = false;
  while (cps[i] !== ']') {
    const c = cps[i]!;
    if (c === '-' && previousSingle && cps[i + 1] !== ']') {
      body += '-';
      previousSingle = false;
      rangeOpen = true;
      i++;
      continue;
    }
    const piece: Piece =
      c === '\\'
        ? readEscape(cps, i + 1, true)
        : { text: literal(c.codePointAt(0)!), next: i + 1, single: true };
    if ('reason' in piece) return piece;
    body += piece.text;
    previousSingle = piece.single === true && !rangeOpen;
    rangeOpen = false;
    i = piece.next;
  }
  // `[]` matches nothing and `[^]` anything; RE2 writes neither as an empty class.
  if (body === '') return { text: negated ? `[${ANY}]` : `[^${ANY}]`, next: i + 1 };
  return { text: `[${negated ? '^' : ''}${body}]`, next: i + 1 };
}

function hexLiteral(hex: string, next: number): Piece {
  return { text: literal(Number.parseInt(hex, 16)), next, single: true };
}

function literal(codePoint: number): string {
  const c = String.fromCodePoint(codePoint);
  return /^[A-Za-z0-9]$/.test(c) ? c : `\\x{${codePoint.toString(16)}}`;
}
