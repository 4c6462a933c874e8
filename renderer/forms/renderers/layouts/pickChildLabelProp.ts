import { toDataPath } from '@jsonforms/core';

/**
 * The item property a list names its items by, from the options JSON Forms' renderer sets
 * read: `elementLabelProp` or `childLabelProp` (a dotted path, react-material) or `labelRef`
 * (a schema pointer into the items, `#/items/properties/customer/properties/name`, angular).
 * `undefined` lets core's computeChildLabel take the first primitive property.
 */
export function pickChildLabelProp(
  options: Record<string, unknown> | undefined,
): string | undefined {
  if (options === undefined) return undefined;
  for (const key of ['elementLabelProp', 'childLabelProp']) {
    const value = options[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  const ref = options.labelRef;
  if (typeof ref !== 'string') return undefined;
  const path = toDataPath(ref.replace(/^#\/items(?=\/|$)/, '#'));
  return path === '' ? undefined : path;
}
