import type { FormFieldIssue } from './FormError';
import { isPlainObject } from './isPlainObject';

export type ValidateSchemaShapeOptions = {
  schema: unknown;
  path?: string;
};

/**
 * A form's root schema must describe an object with (possibly zero) named properties: the UI
 * schema, the default layout and submissions are all keyed by those property names.
 */
export function validateSchemaShape({
  schema,
  path = '/schema',
}: ValidateSchemaShapeOptions): FormFieldIssue[] {
  // Nothing else can be checked on a non-object.
  if (!isPlainObject(schema)) {
    return [{ path, message: `received ${describe(schema)}; expected a JSON Schema object` }];
  }
  const issues: FormFieldIssue[] = [];
  if (schema.type !== 'object') {
    issues.push({
      path: `${path}/type`,
      message: `received type ${JSON.stringify(schema.type) ?? 'undefined'}; expected "object"`,
    });
  }
  if (!isPlainObject(schema.properties)) {
    issues.push({
      path: `${path}/properties`,
      message: `received properties ${describe(schema.properties)}; expected an object of property schemas`,
    });
  }
  return issues;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object'
    ? 'a non-plain object'
    : `${typeof value} ${JSON.stringify(value)}`;
}
