import { appendPointer } from '../core/appendPointer';
import { FormError } from './FormError';

/**
 * What one form submission may hold. A form's data is typed by a person: these are far above
 * any real form, and low enough that validation stays cheap whatever the schema: ajv's
 * `uniqueItems` compares items pairwise (O(items²)), patterns cost (pattern size × text), and
 * depth bounds every recursive walk after this one (ajv's validators, JSON.stringify).
 */
export const FORM_DATA_LIMITS = {
  /** The whole submission as JSON text, in UTF-8 bytes (escapes aside, a number counts one). */
  maxBytes: 32 * 1024,
  /** Nesting of objects and arrays: `{}` is 1, `{"a": []}` is 2. */
  maxDepth: 12,
  /** Items of one array. */
  maxItems: 256,
  /** Members of one object. */
  maxProperties: 100,
  /** Characters (UTF-16 units) of one string: values and property names alike. */
  maxStringLength: 8 * 1024,
};

export type FormDataLimits = typeof FORM_DATA_LIMITS;

export type CheckFormDataLimitsResult = { ok: true } | { ok: false; error: FormError };

type Visit = {
  node: unknown;
  depth: number;
  parent: number;
  key: string | number;
  /** JSON text this node adds besides its members' own. */
  bytes?: number;
};
type Excess = { limit: keyof FormDataLimits; received: number };

/**
 * Checks a submission against `limits` before anything else walks it (validation, storage),
 * stopping at the first excess: one pass, iterative (no stack to overflow at any depth), and an
 * oversized array or object is refused on its size without visiting its members. The refusal
 * names the limit, the allowed and received amounts and the JSON pointer where it was hit.
 */
export function checkFormDataLimits({
  data,
  limits = FORM_DATA_LIMITS,
}: {
  data: unknown;
  limits?: FormDataLimits;
}): CheckFormDataLimitsResult {
  const visits: Visit[] = [{ node: data, depth: 1, parent: -1, key: '' }];
  let bytes = 0;
  for (let index = 0; index < visits.length; index++) {
    const { node, depth } = visits[index]!;
    const excess = measure(node, depth, limits, visits, index);
    if (excess !== undefined) {
      return refusal(excess.limit, limits[excess.limit], excess.received, pointerOf(visits, index));
    }
    bytes += visits[index]!.bytes ?? 0;
    // Checked as it grows, so a submission too large in all is not walked to its end.
    if (bytes > limits.maxBytes) return refusal('maxBytes', limits.maxBytes, bytes, '');
  }
  return { ok: true };
}

/** Checks one node, queues its members and records the bytes it adds; returns an excess. */
function measure(
  node: unknown,
  depth: number,
  limits: FormDataLimits,
  visits: Visit[],
  index: number,
): Excess | undefined {
  const visit = visits[index]!;
  if (typeof node === 'string') {
    if (node.length > limits.maxStringLength)
      return { limit: 'maxStringLength', received: node.length };
    visit.bytes = Buffer.byteLength(node) + 2;
    return undefined;
  }
  // A number's text is at least one character; its exact length is not worth a conversion.
  if (typeof node !== 'object' || node === null) {
    visit.bytes = typeof node === 'number' ? 1 : 4;
    return undefined;
  }
  if (depth > limits.maxDepth) return { limit: 'maxDepth', received: depth };
  if (Array.isArray(node)) {
    if (node.length > limits.maxItems) return { limit: 'maxItems', received: node.length };
    visit.bytes = 1 + node.length;
    for (let i = 0; i < node.length; i++) {
      visits.push({ node: node[i], depth: depth + 1, parent: index, key: i });
    }
    return undefined;
  }
  const keys = Object.keys(node);
  if (keys.length > limits.maxProperties) return { limit: 'maxProperties', received: keys.length };
  let bytes = 1 + keys.length;
  for (const key of keys) {
    if (key.length > limits.maxStringLength)
      return { limit: 'maxStringLength', received: key.length };
    bytes += Buffer.byteLength(key) + 3;
    visits.push({
      node: (node as Record<string, unknown>)[key],
      depth: depth + 1,
      parent: index,
      key,
    });
  }
  visit.bytes = bytes;
  return undefined;
}

/** The JSON pointer of visit `index`, rebuilt from parent links only when a refusal needs it. */
function pointerOf(visits: Visit[], index: number): string {
  const keys: Array<string | number> = [];
  for (let at = index; at > 0; at = visits[at]!.parent) keys.push(visits[at]!.key);
  return keys.reverse().reduce<string>((path, key) => appendPointer(path, key), '');
}

function refusal(
  limit: keyof FormDataLimits,
  max: number,
  received: number,
  path: string,
): CheckFormDataLimitsResult {
  const what: Record<keyof FormDataLimits, string> = {
    maxBytes: 'bytes of JSON in all',
    maxDepth: 'levels of nesting',
    maxItems: 'items in one array',
    maxProperties: 'properties in one object',
    maxStringLength: 'characters in one string',
  };
  const code = limit === 'maxDepth' ? 'FORM_DATA_TOO_DEEP' : 'FORM_DATA_TOO_LARGE';
  const where = path === '' ? '' : ` at ${path}`;
  return {
    ok: false,
    error: new FormError(
      code,
      `the form data has ${received} ${what[limit]}${where}; expected at most ${max}`,
      { details: { limit, max, received, path } },
    ),
  };
}
