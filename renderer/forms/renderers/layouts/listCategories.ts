import {
  type Categorization,
  type Category,
  deriveLabelForUISchemaElement,
  isEnabled,
  isVisible,
  type Translator,
  type UISchemaElement,
} from '@jsonforms/core';
import type Ajv from 'ajv';
import { collectScopedPaths } from './collectScopedPaths';
import { formatText } from './formatText';
import { hasErrorUnder } from './hasErrorUnder';

export interface CategoryEntry {
  /** Position in the Categorization's `elements`: stable while rules hide other categories. */
  index: number;
  label: string;
  enabled: boolean;
  hasErrors: boolean;
  /** What the category's panel shows: its elements, or a nested Categorization itself. */
  elements: UISchemaElement[];
}

/**
 * The categories a Categorization shows now. Rules are core's: `isVisible`/`isEnabled` over
 * the root data at the layout's path, as mapStateToLayoutProps evaluates every other
 * element. Labels are JSON Forms' (the category's `i18n` key or its `label`, translated).
 */
export function listCategories({
  categorization,
  rootData,
  path,
  ajv,
  config,
  translate,
  texts,
  errorPaths,
  enabled,
}: {
  categorization: Categorization;
  rootData: unknown;
  path: string;
  ajv: Ajv;
  config: unknown;
  translate: Translator;
  texts: Record<string, string>;
  errorPaths: readonly string[];
  enabled: boolean;
}): CategoryEntry[] {
  const entries: CategoryEntry[] = [];
  (categorization.elements ?? []).forEach((element: Category | Categorization, index) => {
    if (!isVisible(element, rootData, path, ajv, config)) return;
    const label =
      deriveLabelForUISchemaElement(element, translate) ??
      formatText({
        texts,
        key: 'categorization.category',
        fallback: 'Category {n}',
        values: { n: entries.length + 1 },
      });
    entries.push({
      index,
      label,
      enabled: enabled && isEnabled(element, rootData, path, ajv, config),
      hasErrors: hasErrorUnder({ paths: collectScopedPaths({ element, path }), errorPaths }),
      elements: element.type === 'Categorization' ? [element] : (element.elements ?? []),
    });
  });
  return entries;
}
