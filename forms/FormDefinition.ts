export type JsonPrimitive = string | number | boolean | null;

/**
 * JSON Forms `options`: primitives, arrays of primitives, and `detail`, which may hold a nested
 * UI schema (validated like `elements`).
 */
export type UiOptions = Record<string, JsonPrimitive | JsonPrimitive[] | UiSchemaElement>;

/** A JSON Forms rule condition, as `@jsonforms/core` evaluates it (validateRule checks it). */
export type RuleCondition =
  | { scope: string; schema: Record<string, unknown> | boolean; failWhenUndefined?: boolean }
  | { type: 'LEAF'; scope: string; expectedValue: unknown }
  | { type: 'AND' | 'OR'; conditions: RuleCondition[] };

export type UiRule = {
  effect: 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE' | 'READONLY' | 'WRITABLE';
  condition: RuleCondition;
};

/** A label as text, shown or hidden (`false`), or `{text, show}`. */
export type UiLabel = string | boolean | { text?: string; show?: boolean };

type UiElementBase = {
  options?: UiOptions;
  /** JSON Forms i18n key prefix for this element (e.g. `retryHint` → `retryHint.text`). */
  i18n?: string;
  rule?: UiRule;
};

export type ControlElement = UiElementBase & {
  type: 'Control' | 'ListWithDetail';
  scope: string;
  label?: UiLabel;
};

export type LabelElement = UiElementBase & { type: 'Label'; text: string };

export type LayoutElement = UiElementBase & {
  type: 'VerticalLayout' | 'HorizontalLayout';
  elements: UiSchemaElement[];
};

export type GroupElement = UiElementBase & {
  type: 'Group' | 'Categorization' | 'Category';
  label?: UiLabel;
  elements: UiSchemaElement[];
};

/** The JSON Forms UI schema elements Keyform accepts from integrators (validateUiSchema). */
export type UiSchemaElement = ControlElement | LabelElement | LayoutElement | GroupElement;

/** Root JSON Schema of a form: it always describes an object (validateSchemaShape). */
export type FormSchema = {
  type?: 'object' | string[];
  properties?: Record<string, unknown>;
  [keyword: string]: unknown;
};

/** `{locale: {key: text}}`, e.g. `{de: {'userName.label': 'Benutzername'}}`. */
export type FormI18n = Record<string, Record<string, string>>;

/**
 * A validated, normalised form version. `validateFormDefinition` always fills `uischema`
 * (generating a default layout when the upload had none).
 */
export type FormDefinition = {
  schema: FormSchema;
  uischema?: UiSchemaElement;
  i18n?: FormI18n;
  description?: string;
};
