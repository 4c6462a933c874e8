import { appendPointer } from './appendPointer';
import type { FormFieldIssue } from './FormError';
import { isPlainObject } from './isPlainObject';
import { CONTROL_SCOPE_PATTERN, resolveScope } from './resolveScope';
import { validatePlainText } from './validatePlainText';
import { validateUiOptions } from './validateUiOptions';

const COMMON_KEYS = ['type', 'options', 'i18n'];
/** Closed set of element types and, per type, the keys it may carry. */
const ALLOWED_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['VerticalLayout', new Set([...COMMON_KEYS, 'elements'])],
  ['HorizontalLayout', new Set([...COMMON_KEYS, 'elements'])],
  ['Group', new Set([...COMMON_KEYS, 'elements', 'label'])],
  ['Control', new Set([...COMMON_KEYS, 'scope', 'label'])],
  ['Label', new Set([...COMMON_KEYS, 'text'])],
]);
const I18N_KEY_PREFIX = /^[A-Za-z0-9_.-]{1,100}$/;

export type ValidateUiSchemaOptions = {
  uischema: unknown;
  /** The form's root schema; every Control scope must resolve to one of its properties. */
  schema: unknown;
  path?: string;
};

/**
 * Checks an uploaded JSON Forms UI schema against Keyform's closed layout subset. Recursion is
 * bounded because callers cap the upload's nesting depth first.
 */
export function validateUiSchema({
  uischema,
  schema,
  path = '/uischema',
}: ValidateUiSchemaOptions): FormFieldIssue[] {
  // Without an object there is no type to dispatch on.
  if (!isPlainObject(uischema)) {
    return [{ path, message: `received ${typeof uischema}; expected a UI schema element object` }];
  }
  const { type } = uischema;
  const allowedKeys = typeof type === 'string' ? ALLOWED_KEYS.get(type) : undefined;
  // Unknown element types may map to renderers Keyform never reviewed.
  if (allowedKeys === undefined) {
    return [
      {
        path: `${path}/type`,
        message: `received type ${JSON.stringify(type) ?? 'undefined'}; expected one of ${[...ALLOWED_KEYS.keys()].join(', ')}`,
      },
    ];
  }
  const issues: FormFieldIssue[] = [];
  for (const key of Object.keys(uischema)) {
    if (!allowedKeys.has(key)) {
      issues.push({
        path: appendPointer(path, key),
        message: `received unknown key "${key}" on ${String(type)}; expected only ${[...allowedKeys].join(', ')}`,
      });
    }
  }
  if (uischema.options !== undefined) {
    issues.push(...validateUiOptions({ options: uischema.options, path: `${path}/options` }));
  }
  if (uischema.i18n !== undefined)
    issues.push(...validateI18nPrefix(uischema.i18n, `${path}/i18n`));
  if (type === 'Control') issues.push(...validateControl(uischema, schema, path));
  if (type === 'Label') {
    issues.push(...validatePlainText({ value: uischema.text, path: `${path}/text` }));
  }
  if (type === 'Group') {
    issues.push(...validatePlainText({ value: uischema.label, path: `${path}/label` }));
  }
  if (allowedKeys.has('elements'))
    issues.push(...validateElements(uischema.elements, schema, path));
  return issues;
}

function validateControl(
  control: Record<string, unknown>,
  schema: unknown,
  path: string,
): FormFieldIssue[] {
  const issues: FormFieldIssue[] = [];
  const { scope, label } = control;
  if (typeof scope !== 'string' || !CONTROL_SCOPE_PATTERN.test(scope)) {
    issues.push({
      path: `${path}/scope`,
      message: `received scope ${JSON.stringify(scope) ?? 'undefined'}; expected "#/properties/name(/properties/name)*"`,
    });
  } else if (resolveScope({ schema, scope }) === undefined) {
    issues.push({
      path: `${path}/scope`,
      message: `received scope "${scope}" which names no property of the schema; expected a declared property`,
    });
  }
  // JSON Forms accepts a boolean label to show/hide the schema-derived label.
  if (label !== undefined && typeof label !== 'boolean') {
    issues.push(...validatePlainText({ value: label, path: `${path}/label` }));
  }
  return issues;
}

function validateElements(elements: unknown, schema: unknown, path: string): FormFieldIssue[] {
  // Layouts without an elements array cannot be rendered.
  if (!Array.isArray(elements)) {
    return [
      {
        path: `${path}/elements`,
        message: `received ${elements === undefined ? 'undefined' : typeof elements}; expected an array of UI schema elements`,
      },
    ];
  }
  return elements.flatMap((element, index) =>
    validateUiSchema({ uischema: element, schema, path: appendPointer(`${path}/elements`, index) }),
  );
}

function validateI18nPrefix(value: unknown, path: string): FormFieldIssue[] {
  if (typeof value === 'string' && I18N_KEY_PREFIX.test(value)) return [];
  return [
    {
      path,
      message: `received i18n ${JSON.stringify(value) ?? 'undefined'}; expected a key prefix matching ${I18N_KEY_PREFIX}`,
    },
  ];
}
