import { appendPointer } from './appendPointer';
import type { FormFieldIssue } from './FormError';

/** The only meta-schema Keyform compiles against (ajv's default draft). */
const DRAFT_07_URIS: ReadonlySet<string> = new Set([
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-07/schema',
]);
/** `#` or `#/json/pointer`: resolvable inside the uploaded document only. */
const LOCAL_POINTER = /^#(\/.*)?$/;
/** Draft-07 plain-name fragment (`#address`): names a subschema without changing the base URI. */
const PLAIN_NAME_FRAGMENT = /^#[A-Za-z][A-Za-z0-9_:.-]*$/;

export type RejectUnsafeSchemaKeywordsOptions = {
  schema: unknown;
  /** JSON pointer of `schema` inside the upload, used in issue paths. */
  path?: string;
};

/**
 * Lists every keyword that could make the schema reach outside the uploaded document or read
 * the submitted data as schema: non-local `$ref`, any `$data`, and `$id`/`$schema` naming other
 * documents. Keys are checked wherever they occur (also as property names) to stay simple and
 * strict. Callers cap depth beforehand, so plain recursion is safe here.
 */
export function rejectUnsafeSchemaKeywords({
  schema,
  path = '/schema',
}: RejectUnsafeSchemaKeywordsOptions): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  visit(schema, path, issues);
  return issues;
}

function visit(node: unknown, at: string, issues: FormFieldIssue[]): void {
  // Scalars carry no keywords.
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = appendPointer(at, key);
    const issue = checkKeyword(key, child);
    if (issue !== undefined) issues.push({ path: childPath, message: issue });
    visit(child, childPath, issues);
  }
}

function checkKeyword(key: string, value: unknown): string | undefined {
  const received = JSON.stringify(value);
  if (key === '$ref' && !(typeof value === 'string' && LOCAL_POINTER.test(value))) {
    return `received $ref ${received}; expected a local JSON pointer such as "#/definitions/name"`;
  }
  if (key === '$data') {
    return `received $data ${received}; expected no $data references (submitted data must never act as schema)`;
  }
  if (key === '$id' && !(typeof value === 'string' && PLAIN_NAME_FRAGMENT.test(value))) {
    return `received $id ${received}; expected no $id or a plain-name fragment such as "#address"`;
  }
  if (key === '$schema' && !(typeof value === 'string' && DRAFT_07_URIS.has(value))) {
    return `received $schema ${received}; expected "http://json-schema.org/draft-07/schema#"`;
  }
  return undefined;
}
