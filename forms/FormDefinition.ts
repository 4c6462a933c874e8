export type JsonPrimitive = string | number | boolean | null;

/** JSON Forms `options`: a flat bag of primitives or arrays of primitives. */
export type UiOptions = Record<string, JsonPrimitive | JsonPrimitive[]>;

type UiElementBase = {
  options?: UiOptions;
  /** JSON Forms i18n key prefix for this element (e.g. `retryHint` → `retryHint.text`). */
  i18n?: string;
};

export type ControlElement = UiElementBase & {
  type: 'Control';
  scope: string;
  label?: string | boolean;
};

export type LabelElement = UiElementBase & { type: 'Label'; text: string };

export type LayoutElement = UiElementBase & {
  type: 'VerticalLayout' | 'HorizontalLayout';
  elements: UiSchemaElement[];
};

export type GroupElement = UiElementBase & {
  type: 'Group';
  label: string;
  elements: UiSchemaElement[];
};

/** The closed subset of the JSON Forms UI schema that Keyform accepts from integrators. */
export type UiSchemaElement = ControlElement | LabelElement | LayoutElement | GroupElement;

/** Root JSON Schema (draft-07) of a form: always an object schema with `properties`. */
export type FormSchema = {
  type: 'object';
  properties: Record<string, unknown>;
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
