import { RE2JS } from 're2js';
import { translateEcmaPattern } from '../../core/translateEcmaPattern';

/**
 * The server's linear-time engine in the browser (RE2 by re2js, with ECMAScript's meaning
 * kept by translateEcmaPattern): loaded in a chunk of its own, only by forms whose patterns
 * V8 could be made to backtrack on. Undefined for a pattern it cannot run; the server refused
 * those at upload, so a served form has none.
 */
export function compileLinearPatternInBrowser(
  pattern: string,
): { test(text: string): boolean } | undefined {
  const translated = translateEcmaPattern({ pattern });
  if (!translated.ok) return undefined;
  try {
    const compiled = RE2JS.compile(translated.source);
    return { test: (text) => compiled.test(text) };
  } catch {
    return undefined;
  }
}
