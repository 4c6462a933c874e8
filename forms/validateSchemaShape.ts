import { isPlainObject } from '../core/isPlainObject';
import type { FormFieldIssue } from './FormError';

export type ValidateSchemaShapeOptions = {
  schema: unknown;
  path?: string;
};

/**
 * A form version must carry a root schema, and it must describe an object: a Keyform step's
 * data is always an object (one member per field), submitted, validated and stored as such.
 * `type` may be "object", a list that includes "object", or absent; `properties`, when present,
 * must map names to schemas. Everything else about the schema is ajv's to judge.
 */
export function validateSchemaShape({
  schema,
  path = '/schema',
}: ValidateSchemaShapeOptions): FormFieldIssue[] {
  // A form without a schema has nothing to validate its submissions against on the server.
  if (schema === undefined) {
    return [
      {
        path,
        message:
          'received no schema; expected a JSON Schema: the server validates every submission against it (JSON Forms can generate one from the data in the browser, Keyform does not)',
      },
    ];
  }
  // Nothing else can be checked on a non-object.
  if (!isPlainObject(schema)) {
    return [{ path, message: `received ${describe(schema)}; expected a JSON Schema object` }];
  }
  const issues: FormFieldIssue[] = [];
  const { type } = schema;
  const allowsObject =
    type === undefined || type === 'object' || (Array.isArray(type) && type.includes('object'));
  if (!allowsObject) {
    issues.push({
      path: `${path}/type`,
      message: `received type ${JSON.stringify(type)}; expected "object" at the root: a form's data is always an object, so wrap a single value in a property`,
    });
  }
  if (schema.properties !== undefined && !isPlainObject(schema.properties)) {
    issues.push({
      path: `${path}/properties`,
      message: `received properties ${describe(schema.properties)}; expected an object of property schemas`,
    });
  }
  return issues;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object'
    ? 'a non-plain object'
    : `${typeof value} ${JSON.stringify(value)}`;
}
