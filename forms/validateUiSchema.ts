import { type JsonSchema, resolveSchema } from '@jsonforms/core';
import { appendPointer } from '../core/appendPointer';
import { isPlainObject } from '../core/isPlainObject';
import type { FormFieldIssue } from './FormError';
import { resolveScope } from './resolveScope';
import { validatePlainText } from './validatePlainText';
import { type RuleChecks, validateRule } from './validateRule';
import { validateUiOptions } from './validateUiOptions';

const COMMON_KEYS = ['type', 'options', 'i18n', 'rule'];
/** Closed set of element types (JSON Forms' own) and, per type, the keys it may carry. */
const ALLOWED_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['VerticalLayout', new Set([...COMMON_KEYS, 'elements'])],
  ['HorizontalLayout', new Set([...COMMON_KEYS, 'elements'])],
  ['Group', new Set([...COMMON_KEYS, 'elements', 'label'])],
  ['Categorization', new Set([...COMMON_KEYS, 'elements', 'label'])],
  ['Category', new Set([...COMMON_KEYS, 'elements', 'label'])],
  ['Control', new Set([...COMMON_KEYS, 'scope', 'label'])],
  ['ListWithDetail', new Set([...COMMON_KEYS, 'scope', 'label'])],
  ['Label', new Set([...COMMON_KEYS, 'text'])],
]);
const LABEL_OBJECT_KEYS: ReadonlySet<string> = new Set(['text', 'show']);
const I18N_KEY_PREFIX = /^[A-Za-z0-9_.-]{1,100}$/;

export type ValidateUiSchemaOptions = {
  uischema: unknown;
  /** The form's root schema; every scope must resolve in it. */
  schema: unknown;
  path?: string;
};

type Context = {
  root: unknown;
  /** What scopes are relative to: the root, or an array's items (object's schema) in `detail`. */
  base: unknown;
  /** The element holding this one, whose type constrains what may appear. */
  parent: string | undefined;
  rules: RuleChecks;
};

/**
 * Checks an uploaded JSON Forms UI schema against the element types JSON Forms' vanilla and
 * material sets render: layouts, Group, Categorization/Category, Label, Control and
 * ListWithDetail, each with its own keys, a `rule` on any of them (validateRule), labels as
 * text, a boolean or `{text, show}`, and `options.detail` holding a nested UI schema that is
 * checked like `elements`, with scopes relative to the array's items. Recursion is bounded
 * because callers cap the upload's nesting depth first; `options.detail` is part of the same
 * document, so the same caps hold for it.
 */
export function validateUiSchema({
  uischema,
  schema,
  path = '/uischema',
}: ValidateUiSchemaOptions): FormFieldIssue[] {
  const rules: RuleChecks = {};
  return visit(uischema, path, { root: schema, base: schema, parent: undefined, rules });
}

function visit(element: unknown, path: string, ctx: Context): FormFieldIssue[] {
  // Without an object there is no type to dispatch on.
  if (!isPlainObject(element)) {
    return [{ path, message: `received ${typeof element}; expected a UI schema element object` }];
  }
  const { type } = element;
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
  const issues: FormFieldIssue[] = [...checkPlacement(String(type), ctx.parent, path)];
  for (const key of Object.keys(element)) {
    if (!allowedKeys.has(key)) {
      issues.push({
        path: appendPointer(path, key),
        message: `received unknown key "${key}" on ${String(type)}; expected only ${[...allowedKeys].join(', ')}`,
      });
    }
  }
  if (element.options !== undefined) {
    issues.push(...validateUiOptions({ options: element.options, path: `${path}/options` }));
  }
  if (element.i18n !== undefined) issues.push(...checkI18nPrefix(element.i18n, `${path}/i18n`));
  if (element.rule !== undefined) {
    issues.push(
      ...validateRule({
        rule: element.rule,
        path: `${path}/rule`,
        base: ctx.base,
        rootSchema: ctx.root,
        checks: ctx.rules,
      }),
    );
  }
  if (element.label !== undefined) issues.push(...checkLabel(element.label, `${path}/label`));
  if (type === 'Label' && !(element.text === undefined && element.i18n !== undefined)) {
    issues.push(...validatePlainText({ value: element.text, path: `${path}/text` }));
  }
  if (type === 'Control' || type === 'ListWithDetail') {
    issues.push(...checkControl(element, path, ctx));
  } else if (isPlainObject(element.options) && isPlainObject(element.options.detail)) {
    // validateUiOptions left the object to us; only controls lay out a detail.
    issues.push({
      path: `${path}/options/detail`,
      message: `received a detail UI schema on ${String(type)}; expected one only on Control or ListWithDetail`,
    });
  }
  if (allowedKeys.has('elements')) {
    issues.push(...checkElements(element.elements, path, { ...ctx, parent: String(type) }));
  }
  return issues;
}

/** Categories only make sense as tabs or steps of a Categorization, and only they fill one. */
function checkPlacement(type: string, parent: string | undefined, path: string): FormFieldIssue[] {
  const inCategorization = parent === 'Categorization';
  const isCategory = type === 'Category' || type === 'Categorization';
  if (inCategorization && !isCategory) {
    return [
      {
        path: `${path}/type`,
        message: `received ${type} in a Categorization; expected Category or Categorization (wrap it in a Category)`,
      },
    ];
  }
  if (type === 'Category' && !inCategorization) {
    return [
      {
        path: `${path}/type`,
        message: 'received a Category outside a Categorization; expected it inside one',
      },
    ];
  }
  return [];
}

function checkControl(
  control: Record<string, unknown>,
  path: string,
  ctx: Context,
): FormFieldIssue[] {
  const resolved = resolveScope({ schema: ctx.base, rootSchema: ctx.root, scope: control.scope });
  if (!resolved.ok) return [{ path: `${path}/scope`, message: resolved.reason }];
  const items = itemSchema(resolved.schema, ctx.root);
  if (control.type === 'ListWithDetail' && items === undefined) {
    return [
      {
        path: `${path}/scope`,
        message: `received scope "${String(control.scope)}", which is not an array with one items schema; expected a ListWithDetail over an array`,
      },
    ];
  }
  const detail = isPlainObject(control.options) ? control.options.detail : undefined;
  // A string detail ("GENERATED", "REGISTERED") names a strategy; validateUiOptions checked it.
  if (!isPlainObject(detail)) return [];
  // Detail scopes are relative to one item of an array, or to the object itself.
  const base = items ?? resolved.schema;
  return visit(detail, `${path}/options/detail`, { ...ctx, base, parent: undefined });
}

/** The items schema of an array schema (its `$ref` followed), as JSON Forms' array renderers use it. */
function itemSchema(schema: Record<string, unknown>, root: unknown): unknown {
  if (!isPlainObject(schema.items)) return undefined;
  const resolved = resolveSchema(schema.items as JsonSchema, '#', root as JsonSchema);
  return isPlainObject(resolved) ? resolved : undefined;
}

function checkElements(elements: unknown, path: string, ctx: Context): FormFieldIssue[] {
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
    visit(element, appendPointer(`${path}/elements`, index), ctx),
  );
}

/** JSON Forms labels: text, `false`/`true` to hide or show the derived one, or `{text, show}`. */
function checkLabel(label: unknown, path: string): FormFieldIssue[] {
  if (typeof label === 'boolean') return [];
  if (!isPlainObject(label)) return validatePlainText({ value: label, path });
  const issues: FormFieldIssue[] = [];
  for (const [key, value] of Object.entries(label)) {
    const at = appendPointer(path, key);
    if (!LABEL_OBJECT_KEYS.has(key)) {
      issues.push({
        path: at,
        message: `received unknown key "${key}" on a label; expected only text, show`,
      });
    } else if (key === 'text') {
      issues.push(...validatePlainText({ value, path: at }));
    } else if (typeof value !== 'boolean') {
      issues.push({ path: at, message: `received ${typeof value}; expected a boolean` });
    }
  }
  return issues;
}

function checkI18nPrefix(value: unknown, path: string): FormFieldIssue[] {
  if (typeof value === 'string' && I18N_KEY_PREFIX.test(value)) return [];
  return [
    {
      path,
      message: `received i18n ${JSON.stringify(value) ?? 'undefined'}; expected a key prefix matching ${I18N_KEY_PREFIX}`,
    },
  ];
}
