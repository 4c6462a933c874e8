import { appendPointer } from '../core/appendPointer';
import { detachUntrustedJson } from '../core/detachUntrustedJson';
import { isPlainObject } from '../core/isPlainObject';
import { createFormAjv } from './createFormAjv';
import { createDefaultUiSchema } from './defaultUiSchema';
import type { FormDefinition, FormI18n, FormSchema, UiSchemaElement } from './FormDefinition';
import { FormError, type FormFieldIssue } from './FormError';
import { rejectExplosiveSchemas } from './rejectExplosiveSchemas';
import { rejectForbiddenKeys } from './rejectForbiddenKeys';
import { rejectNonLinearPatterns } from './rejectNonLinearPatterns';
import { rejectUnsafeSchemaKeywords } from './rejectUnsafeSchemaKeywords';
import { stripDocumentKeywords } from './stripDocumentKeywords';
import { validateI18n } from './validateI18n';
import { validatePlainText } from './validatePlainText';
import { validateSchemaShape } from './validateSchemaShape';
import { validateUiSchema } from './validateUiSchema';

const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['schema', 'uischema', 'i18n', 'description']);
const MAX_DESCRIPTION_LENGTH = 1000;

export type ValidateFormDefinitionOptions = {
  /** The untrusted upload, typically straight from `JSON.parse`. */
  definition: unknown;
  /** Cap on the UTF-8 size of the definition's JSON serialisation. */
  maxBytes?: number;
  /** Cap on object/array nesting; also bounds every recursive check that follows. */
  maxDepth?: number;
};

export type ValidateFormDefinitionResult =
  | { ok: true; value: FormDefinition }
  | { ok: false; error: FormError };

/**
 * Validates an uploaded form version and returns a detached, normalised copy (default
 * `uischema` filled in). Never throws for bad input: problems come back as a `FormError` whose
 * `details.fields` lists `{path, message}` with JSON pointers into the upload.
 */
export function validateFormDefinition({
  definition,
  maxBytes = 64 * 1024,
  maxDepth = 16,
}: ValidateFormDefinitionOptions): ValidateFormDefinitionResult {
  const detached = detachUntrustedJson({ value: definition, maxBytes, maxDepth });
  if (!detached.ok && detached.tooLarge) {
    // Oversized forms cost storage, bandwidth and compile time on every render.
    return {
      ok: false,
      error: new FormError(
        'FORM_TOO_LARGE',
        `form definition is ${detached.bytes} bytes; expected at most ${maxBytes}`,
        {
          details: { receivedBytes: detached.bytes, maxBytes },
        },
      ),
    };
  }
  if (!detached.ok) return invalid([detached.issue]);
  const copy = detached.copy;
  const structureIssues = validateStructure(copy);
  if (structureIssues.length > 0) return invalid(structureIssues);
  // validateStructure proved it is a plain object.
  const upload = copy as Record<string, unknown>;

  const schemaIssues = [
    ...validateSchemaShape({ schema: upload.schema }),
    ...rejectUnsafeSchemaKeywords({ schema: upload.schema }),
    // Named here with their paths; compiling would refuse them too, but with one bare message.
    ...rejectNonLinearPatterns({ schema: upload.schema }),
    // The data caps bound a submission's size, this what one value of it may cost.
    ...rejectExplosiveSchemas({ schema: upload.schema }),
  ];
  // Only a safe, object-shaped schema may be handed to the compiler.
  if (schemaIssues.length > 0) return invalid(schemaIssues);
  // The stored version names no draft: browser and server both read it as draft-07.
  stripDocumentKeywords({ schema: upload.schema });
  const compileError = compileSchema(upload.schema);
  if (compileError !== undefined) return compileError;

  const issues = validateExtras(upload);
  if (issues.length > 0) return invalid(issues);

  // All parts were validated above; the casts only restate what the checks proved.
  const schema = upload.schema as FormSchema;
  const value: FormDefinition = {
    schema,
    uischema: (upload.uischema as UiSchemaElement | undefined) ?? createDefaultUiSchema({ schema }),
  };
  if (upload.i18n !== undefined) value.i18n = upload.i18n as FormI18n;
  if (typeof upload.description === 'string') value.description = upload.description;
  return { ok: true, value };
}

function validateStructure(upload: unknown): FormFieldIssue[] {
  // Every later rule addresses named members of a definition object.
  if (!isPlainObject(upload)) {
    const received = Array.isArray(upload) ? 'an array' : typeof upload;
    return [{ path: '', message: `received ${received}; expected a form definition object` }];
  }
  const unknownKeys = Object.keys(upload)
    .filter((key) => !TOP_LEVEL_KEYS.has(key))
    .map((key) => ({
      path: appendPointer('', key),
      message: `received unknown key "${key}"; expected only schema, uischema, i18n, description`,
    }));
  return [...rejectForbiddenKeys({ value: upload }), ...unknownKeys];
}

function compileSchema(schema: unknown): ValidateFormDefinitionResult | undefined {
  // A fresh instance per upload: nothing from other forms can leak into this compilation.
  const ajv = createFormAjv();
  // Meta-schema check first: its errors carry paths, unlike compile's single message.
  if (ajv.validateSchema(schema as FormSchema) !== true) {
    const fields = (ajv.errors ?? []).map((error) => ({
      path: `/schema${error.instancePath}`,
      message: `received a schema that is not valid draft-07: ${error.message ?? error.keyword}`,
    }));
    return invalid(
      fields.length > 0 ? fields : [{ path: '/schema', message: 'received an invalid schema' }],
    );
  }
  try {
    ajv.compile(schema as FormSchema);
    return undefined;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return invalid([{ path: '/schema', message: `schema does not compile: ${message}` }], cause);
  }
}

function validateExtras(upload: Record<string, unknown>): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  if (upload.uischema !== undefined) {
    issues.push(...validateUiSchema({ uischema: upload.uischema, schema: upload.schema }));
  }
  if (upload.i18n !== undefined) issues.push(...validateI18n({ i18n: upload.i18n }));
  if (upload.description !== undefined) {
    issues.push(
      ...validatePlainText({
        value: upload.description,
        path: '/description',
        maxLength: MAX_DESCRIPTION_LENGTH,
      }),
    );
  }
  return issues;
}

function invalid(fields: FormFieldIssue[], cause?: unknown): { ok: false; error: FormError } {
  const [first] = fields;
  const summary = first === undefined ? '' : `: ${first.path || '/'} ${first.message}`;
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return {
    ok: false,
    error: new FormError('FORM_INVALID', `form definition is invalid${summary}${more}`, {
      details: { fields },
      cause,
    }),
  };
}
