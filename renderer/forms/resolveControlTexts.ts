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
 * label, then the schema title, then the property name. The prefix is JSON Forms' i18n key
 * prefix: the element's `i18n`, the schema's `i18n`, else the data path (`userName`).
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
    propertyName(path);
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

function nonEmpty(value: string | undefined) {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
