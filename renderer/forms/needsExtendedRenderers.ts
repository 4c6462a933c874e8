import { type JsonSchema, resolveSchema } from '@jsonforms/core';

type Json = Record<string, unknown>;

/** Layouts the always-loaded renderer set draws; any other element needs the lazy set. */
const coreLayouts = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Label']);
/** Control options the always-loaded controls understand (see TextControl). */
const coreOptions = new Set(['autocomplete', 'multi', 'trim', 'restrict', 'focus']);
const coreTypes = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Whether a form needs more than the renderers the registration page always loads. Pure and
 * conservative: anything it does not recognise as a plain text, number, boolean or enum control
 * in a plain layout asks for the lazy set, so the built-in forms stay within the page budget
 * while every other form gets every renderer. Walks with a stack: uploads are deep at most to
 * their cap, but a renderer must never overflow on one.
 */
export function needsExtendedRenderers({
  schema,
  uischema,
}: {
  schema: Json;
  uischema: Json;
}): boolean {
  const stack: unknown[] = [uischema];
  while (stack.length > 0) {
    const element = stack.pop();
    if (!isRecord(element)) continue;
    if (element.type === 'Control') {
      if (controlNeedsMore(element, schema)) return true;
      continue;
    }
    if (typeof element.type !== 'string' || !coreLayouts.has(element.type)) return true;
    if (Array.isArray(element.elements)) stack.push(...element.elements);
  }
  return false;
}

function controlNeedsMore(control: Json, root: Json) {
  const options = isRecord(control.options) ? control.options : {};
  if (Object.keys(options).some((key) => !coreOptions.has(key))) return true;
  if (typeof control.scope !== 'string') return true;
  const resolved = resolveSchema(root as JsonSchema, control.scope, root as JsonSchema) as
    | Json
    | undefined;
  if (!isRecord(resolved)) return true;
  if (resolved.anyOf !== undefined || resolved.allOf !== undefined) return true;
  if (resolved.oneOf !== undefined && !isConstOneOf(resolved.oneOf)) return true;
  if (typeof resolved.format === 'string' && /^(date|time|date-time)$/.test(resolved.format))
    return true;
  if (Array.isArray(resolved.enum)) return false;
  if (resolved.oneOf !== undefined) return false;
  return typeof resolved.type !== 'string' || !coreTypes.has(resolved.type);
}

/** `oneOf` of `{const, title}`: the enum control's other spelling, drawn by the core set. */
function isConstOneOf(value: unknown) {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && 'const' in entry);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
