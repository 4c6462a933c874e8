import { RE2JS } from 're2js';
import { translateEcmaPattern } from '../core/translateEcmaPattern';

/**
 * RE2's own measure of a compiled pattern's size; matching costs about (size × text length),
 * so a bound on it is a bound on every test. 1,000 fits an RFC 5322 e-mail pattern (259) or
 * `^[\p{L} .'-]{1,100}$` (203) several times over.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 1000;

/** What ajv needs from a pattern: `test`, and a `toString` it keys compiled patterns by. */
export type LinearRegExp = { test(text: string): boolean; toString(): string; programSize: number };

export type CompiledLinearPattern =
  | { ok: true; regExp: LinearRegExp }
  | { ok: false; reason: string };

/**
 * A JSON Schema `pattern` compiled for RE2's linear-time matcher (re2js: RE2 in plain
 * JavaScript), keeping ECMAScript's meaning (see translateEcmaPattern). No input can make a
 * test backtrack: its cost is bounded by the program size times the text's length.
 */
export function compileLinearPattern({ pattern }: { pattern: string }): CompiledLinearPattern {
  const translated = translateEcmaPattern({ pattern });
  if (!translated.ok) return translated;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(translated.source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `not supported by the linear-time engine (${detail})` };
  }
  const programSize = compiled.programSize();
  // The size bounds the cost of every later test, for every submission.
  if (programSize > MAX_PATTERN_PROGRAM_SIZE) {
    return {
      ok: false,
      reason: `compiles to ${programSize} instructions; expected at most ${MAX_PATTERN_PROGRAM_SIZE} (use smaller repetition counts)`,
    };
  }
  const key = `/${pattern}/u`;
  return {
    ok: true,
    regExp: { test: (text) => compiled.test(text), toString: () => key, programSize },
  };
}
