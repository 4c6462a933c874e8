import { isBacktrackBounded } from './isBacktrackBounded';

type Tester = { test(text: string): boolean };
type Compile = (pattern: string) => Tester | undefined;

/** Texts this long or shorter keep a bounded pattern on V8's own matcher (≤ 1,000² steps). */
const NATIVE_TEXT_LIMIT = 1000;

let linear: Promise<Compile> | undefined;
let loaded: Compile | undefined;

/** The linear-time engine's chunk, fetched once, on the first pattern or text that needs it. */
function loadLinear(): void {
  linear ??= import('./compileLinearPatternInBrowser').then(({ compileLinearPatternInBrowser }) => {
    loaded = compileLinearPatternInBrowser;
    return compileLinearPatternInBrowser;
  });
  // A chunk that fails to load leaves patterns unchecked here; the server still checks them.
  linear.catch(() => undefined);
}

/**
 * ajv's `code.regExp` for the end user's browser, so that a hostile pattern cannot freeze
 * the tab: a pattern V8 cannot be made to backtrack on (isBacktrackBounded) runs natively on
 * short texts, as the built-in forms' do; anything else runs on RE2, linear in the text,
 * loaded lazily. Until it has loaded, such a pattern passes: it only shows errors sooner, and
 * the server validates every submission with the same engine.
 */
export const browserRegExp = Object.assign(
  (pattern: string, flags: string) => {
    // Compiled whatever the engine: an invalid pattern fails the form's compilation, as ever.
    const syntax = new RegExp(pattern, flags);
    const native = isBacktrackBounded(pattern) ? syntax : undefined;
    if (!native) loadLinear();
    let compiled: Tester | undefined;
    return {
      test(text: string): boolean {
        if (native && text.length <= NATIVE_TEXT_LIMIT) return native.test(text);
        if (!loaded) {
          loadLinear();
          return true;
        }
        compiled ??= loaded(pattern);
        return compiled ? compiled.test(text) : true;
      },
      toString: () => `/${pattern}/${flags}`,
    };
  },
  // Only read when ajv generates standalone code, which the renderer never does.
  { code: 'keyform/browserRegExp' },
);
