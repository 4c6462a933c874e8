import { type ControlElement, createLabelDescriptionFrom } from '@jsonforms/core';
import { lookupText } from './lookupText';

type Json = Record<string, unknown>;

export interface ControlTexts {
  label: string;
  description: string;
  /** `label: false` in the uischema: keep the label for screen readers, hide it on screen. */
  labelHidden: boolean;
}

/**
 * Label and help text of one control. Label: `texts[<prefix>.label]`, then the uischema
 * label, then the schema title, then the property name as JSON Forms derives it (`birthDate` →
 * "Birth Date"). The prefix is JSON Forms' i18n key prefix: the element's `i18n`, the schema's
 * `i18n`, else the data path (`userName`).
 */
export function resolveControlTexts({
  texts,
  uischema,
  schema,
  path,
}: {
  texts: Record<string, string>;
  uischema: Json;
  schema: Json;
  path: string;
}): ControlTexts {
  const prefix = i18nPrefix({ uischema, schema, path });
  const uiLabel = uischema.label;
  const uiLabelText =
    typeof uiLabel === 'string'
      ? uiLabel
      : isRecord(uiLabel) && typeof uiLabel.text === 'string'
        ? uiLabel.text
        : undefined;
  const label =
    lookupText({ texts, key: `${prefix}.label` }) ??
    nonEmpty(uiLabelText) ??
    nonEmpty(typeof schema.title === 'string' ? schema.title : undefined) ??
    derivedLabel(uischema, path);
  const description =
    lookupText({ texts, key: `${prefix}.description` }) ??
    (typeof schema.description === 'string' ? schema.description : '');
  const labelHidden = uiLabel === false || (isRecord(uiLabel) && uiLabel.show === false);
  return { label, description, labelHidden };
}

function i18nPrefix({ uischema, schema, path }: { uischema: Json; schema: Json; path: string }) {
  if (typeof uischema.i18n === 'string') return uischema.i18n;
  if (typeof schema.i18n === 'string') return schema.i18n;
  // Same as JSON Forms' transformPathToI18nPrefix: array indices do not take part.
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  return segments.join('.') || 'root';
}

function propertyName(path: string): string {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  return segments.at(-1) ?? path;
}

/** Core's own derivation (startCase of the scope's last segment), already in the page's bundle. */
function derivedLabel(uischema: Json, path: string) {
  const name = propertyName(path);
  const scope =
    typeof uischema.scope === 'string'
      ? uischema.scope
      : name.replaceAll('~', '~0').replaceAll('/', '~1');
  const derived = createLabelDescriptionFrom({ scope } as ControlElement, undefined).text;
  return nonEmpty(derived) ?? name;
}

function nonEmpty(value: string | undefined) {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
