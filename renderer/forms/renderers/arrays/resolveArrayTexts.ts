import { lookupText } from '../../lookupText';

/**
 * English defaults of every text an array control shows. The keys are JSON Forms' own
 * (`ArrayTranslationEnum`, looked up as `<i18n prefix>.<key>`), so an integrator's JSON Forms
 * translations carry over; `itemLabel`, `minItemsReason` and `maxItemsReason` are Keyform's,
 * for texts JSON Forms has none for. `{label}`, `{index}` (1-based), `{item}` (the row's
 * title), `{min}` and `{max}` are filled in; a translation without them is used as it is.
 */
const defaults = {
  addTooltip: 'Add to {label}',
  noDataMessage: 'No items yet.',
  itemLabel: 'Item {index}',
  removeTooltip: 'Remove',
  removeAriaLabel: 'Remove item {index} of {label}',
  up: 'Up',
  upAriaLabel: 'Move item {index} of {label} up',
  down: 'Down',
  downAriaLabel: 'Move item {index} of {label} down',
  minItemsReason: '{label} needs at least {min} items, so none can be removed.',
  maxItemsReason: '{label} holds at most {max} items, so no more can be added.',
} as const;

type Key = keyof typeof defaults;
type Values = Record<string, string | number>;

/** The texts of one array control (`prefix` is its JSON Forms i18n key prefix). */
export function resolveArrayTexts({
  texts,
  prefix,
  label,
  min,
  max,
}: {
  texts: Record<string, string>;
  prefix: string;
  label: string;
  min: number;
  max: number;
}) {
  const text = (key: Key | 'addAriaLabel', values: Values) => {
    const template = lookupText({ texts, key: `${prefix}.${key}` }) ?? defaults[key as Key];
    return template === undefined ? undefined : fill(template, { label, min, max, ...values });
  };
  const row = (index: number, item: string) => ({ index: index + 1, item });
  return {
    add: text('addTooltip', {}) as string,
    /** Only when the integrator gave one: the visible text names the button otherwise. */
    addAriaLabel: text('addAriaLabel', {}),
    noData: text('noDataMessage', {}) as string,
    minItemsReason: text('minItemsReason', {}) as string,
    maxItemsReason: text('maxItemsReason', {}) as string,
    itemLabel: (index: number) => text('itemLabel', { index: index + 1 }) as string,
    remove: (index: number, item: string) => ({
      text: text('removeTooltip', row(index, item)) as string,
      ariaLabel: text('removeAriaLabel', row(index, item)) as string,
    }),
    up: (index: number, item: string) => ({
      text: text('up', row(index, item)) as string,
      ariaLabel: text('upAriaLabel', row(index, item)) as string,
    }),
    down: (index: number, item: string) => ({
      text: text('down', row(index, item)) as string,
      ariaLabel: text('downAriaLabel', row(index, item)) as string,
    }),
  };
}

export type ArrayTexts = ReturnType<typeof resolveArrayTexts>;

function fill(template: string, values: Values) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
