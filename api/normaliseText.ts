export type TextOutcome = { ok: true } | { ok: false; path: string; problem: string };

/**
 * Make every string of a parsed JSON value (object keys included) NFC, in place, and refuse one
 * that is not well-formed UTF-16: a lone surrogate (`"\uD800"` in the JSON) would be stored,
 * then read back as U+FFFD, so two different identifiers would read back alike. Walks with an
 * explicit stack, so a deep body cannot exhaust the call stack. Anything that is not a plain
 * JSON value (a Buffer from a zip upload, a stream) is left alone: bytes are not text.
 * `path` is a JSON pointer, the form of `details.fields[].path`.
 */
export function normaliseText(root: unknown): TextOutcome {
  // A bare string has no container to write its NFC form back to; no route takes one anyway.
  if (typeof root === 'string') return isWellFormed(root) ? { ok: true } : malformed('', root);
  const stack: Array<{ value: object; path: string }> = [];
  if (isJsonContainer(root)) stack.push({ value: root, path: '' });
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: object; path: string };
    const problem = Array.isArray(value)
      ? normaliseArray(value, path, stack)
      : normaliseObject(value as Record<string, unknown>, path, stack);
    if (problem) return problem;
  }
  return { ok: true };
}

type Stack = Array<{ value: object; path: string }>;
type Problem = Extract<TextOutcome, { ok: false }> | undefined;

function normaliseArray(items: unknown[], path: string, stack: Stack): Problem {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') {
      if (!isWellFormed(item)) return malformed(`${path}/${i}`, item);
      items[i] = nfc(item);
    } else if (isJsonContainer(item)) stack.push({ value: item, path: `${path}/${i}` });
  }
  return undefined;
}

function normaliseObject(object: Record<string, unknown>, path: string, stack: Stack): Problem {
  for (const key of Object.keys(object)) {
    const here = `${path}/${escapePointer(key)}`;
    if (!isWellFormed(key)) return malformed(here, key, 'the property name');
    const item = object[key];
    if (typeof item === 'string') {
      if (!isWellFormed(item)) return malformed(here, item);
      object[key] = nfc(item);
    } else if (isJsonContainer(item)) stack.push({ value: item, path: here });
    const normal = nfc(key);
    if (normal === key) continue;
    // Two spellings of one name in one object: which one is meant is anybody's guess.
    if (Object.hasOwn(object, normal)) {
      return {
        ok: false,
        path: here,
        problem: `property name is the same as '${normal}' once NFC-normalised; send one of them`,
      };
    }
    // defineProperty, not assignment: a name must never reach a prototype setter.
    Object.defineProperty(object, normal, {
      value: object[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete object[key];
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, control characters included
const ascii = /^[\u0000-\u007f]*$/;
// With the u flag a surrogate pair is one code point: only a lone surrogate is in category Cs.
const loneSurrogate = /\p{Cs}/u;

/** `String.prototype.isWellFormed` (Node 20 has it; the project's TypeScript lib does not). */
const isWellFormed = (text: string) => ascii.test(text) || !loneSurrogate.test(text);

/** ASCII is NFC already; skipping it keeps the common case to one scan. */
const nfc = (text: string) => (ascii.test(text) ? text : text.normalize('NFC'));

function isJsonContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function malformed(path: string, text: string, what = 'the text') {
  const at = [...text].findIndex((c) => c.length === 1 && c >= '\uD800' && c <= '\uDFFF');
  const unit = [...text][at]?.charCodeAt(0).toString(16).toUpperCase();
  return {
    ok: false as const,
    path: path || '/',
    problem: `${what} is not well-formed Unicode: a lone surrogate U+${unit} at character ${at}`,
  };
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
