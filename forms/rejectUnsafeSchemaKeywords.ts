import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import type { FormFieldIssue } from './FormError';
import { isSchemaDialect } from './isSchemaDialect';
import { schemaListKeywords, schemaMapKeywords, singleSchemaKeywords } from './schemaKeywords';

/** `#` or `#/json/pointer`: resolvable inside the uploaded document only. */
const LOCAL_POINTER = /^#(\/.*)?$/;
/** Draft-07 plain-name fragment (`#address`): names a subschema without changing the base URI. */
const PLAIN_NAME_FRAGMENT = /^#[A-Za-z][A-Za-z0-9_:.-]*$/;
/** An absolute URI without a fragment (or with an empty one), as a root `$id` names a document. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^#\s]*#?$/;

/** Keywords whose value is data (an instance), never schema: any key may appear inside. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['const', 'enum', 'default', 'examples']);

export type RejectUnsafeSchemaKeywordsOptions = {
  schema: unknown;
  /** JSON pointer of `schema` inside the upload, used in issue paths. */
  path?: string;
  /** Whether the root may name itself with a URI `$id` (a form's schema; not a rule's). */
  allowRootId?: boolean;
};

/**
 * Lists every keyword that could make the schema reach outside the uploaded document, read the
 * submitted data as schema or skip validation: non-local `$ref`, any `$data`, `$id` naming
 * another document below the root, `$schema` naming no JSON Schema draft, and `$async` (ajv
 * would return a promise, which reads as "valid"). The walk follows the schema's structure, so
 * a property *named* `$ref` or `$id` (a key of `properties`) or a `$ref` key inside `const` or
 * `default` is data, not a keyword; inside anything else (unknown keywords, which ajv ignores)
 * the keys are checked all the same, to stay strict. Callers cap depth, so recursion is safe.
 */
export function rejectUnsafeSchemaKeywords({
  schema,
  path = '/schema',
  allowRootId = true,
}: RejectUnsafeSchemaKeywordsOptions): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  visitSchema(schema, path, issues, allowRootId);
  return issues;
}

function visitSchema(node: unknown, at: string, issues: FormFieldIssue[], root: boolean): void {
  // Boolean schemas (and malformed ones, which the meta-schema refuses) hold no keywords.
  if (!isPlainObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = appendPointer(at, key);
    const issue = checkKeyword(key, child, root);
    if (issue !== undefined) issues.push({ path: childPath, message: issue });
    if (DATA_KEYWORDS.has(key)) continue;
    if (schemaMapKeywords.has(key) && isPlainObject(child)) {
      for (const [name, value] of Object.entries(child)) {
        visitSchema(value, appendPointer(childPath, name), issues, false);
      }
    } else if (schemaListKeywords.has(key) && Array.isArray(child)) {
      child.forEach((value, index) => {
        visitSchema(value, appendPointer(childPath, index), issues, false);
      });
    } else if (singleSchemaKeywords.has(key) || key === 'items') {
      visitSchema(child, childPath, issues, false);
    } else {
      visitOther(child, childPath, issues);
    }
  }
}

/** Values of keywords that are neither schemas nor data: every key is checked. */
function visitOther(node: unknown, at: string, issues: FormFieldIssue[]): void {
  // Scalars carry no keys.
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = appendPointer(at, key);
    const issue = checkKeyword(key, child, false);
    if (issue !== undefined) issues.push({ path: childPath, message: issue });
    visitOther(child, childPath, issues);
  }
}

function checkKeyword(key: string, value: unknown, root: boolean): string | undefined {
  const received = JSON.stringify(value);
  if (key === '$ref' && !(typeof value === 'string' && LOCAL_POINTER.test(value))) {
    return `received $ref ${received}; expected a local JSON pointer such as "#/definitions/name" (nothing outside the upload is fetched)`;
  }
  if (key === '$data') {
    return `received $data ${received}; expected no $data references (submitted data must never act as schema)`;
  }
  if (key === '$async') {
    return `received $async ${received}; expected no $async (a form's validation is synchronous)`;
  }
  if (key === '$id' && !isAllowedId(value, root)) {
    return root
      ? `received $id ${received}; expected an absolute URI naming this schema, or a plain-name fragment such as "#address"`
      : `received $id ${received}; expected no $id below the root, or a plain-name fragment such as "#address" (another base URI would change what "#/..." references mean)`;
  }
  if (key === '$schema' && !isSchemaDialect(value)) {
    return `received $schema ${received}; expected a JSON Schema draft URI (draft-04, -06, -07, 2019-09, 2020-12) or none`;
  }
  return undefined;
}

function isAllowedId(value: unknown, root: boolean): boolean {
  if (typeof value !== 'string') return false;
  if (PLAIN_NAME_FRAGMENT.test(value)) return true;
  // The root's own URI changes no reference: "#/..." still means this document (and the stored
  // version drops it, stripDocumentKeywords).
  return root && ABSOLUTE_URI.test(value);
}
