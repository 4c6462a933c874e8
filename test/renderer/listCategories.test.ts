import { type Categorization, createAjv, type Translator } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { collectScopedPaths } from '../../renderer/forms/renderers/layouts/collectScopedPaths';
import { hasErrorUnder } from '../../renderer/forms/renderers/layouts/hasErrorUnder';
import { listCategories } from '../../renderer/forms/renderers/layouts/listCategories';
import { listVisibleErrorPaths } from '../../renderer/forms/renderers/layouts/listVisibleErrorPaths';
import { moveTabFocus } from '../../renderer/forms/renderers/layouts/moveTabFocus';

const ajv = createAjv();
const texts: Record<string, string> = { basicKey: 'Basic', 'address.label': 'Address' };
const translate = ((key: string, fallback?: string) =>
  Object.hasOwn(texts, key) ? texts[key] : fallback) as Translator;
const control = (scope: string) => ({ type: 'Control', scope });
const categorization = {
  type: 'Categorization',
  elements: [
    { type: 'Category', label: 'basicKey', elements: [control('#/properties/name')] },
    {
      type: 'Category',
      i18n: 'address',
      elements: [{ type: 'Group', elements: [control('#/properties/address/properties/city')] }],
      rule: {
        effect: 'SHOW',
        condition: { scope: '#/properties/provideAddress', schema: { const: true } },
      },
    },
    {
      type: 'Category',
      label: 'Extra',
      elements: [control('#/properties/note')],
      rule: {
        effect: 'DISABLE',
        condition: {
          type: 'AND',
          conditions: [
            { scope: '#/properties/provideAddress', schema: { const: true } },
            { scope: '#/properties/name', schema: { minLength: 1 }, failWhenUndefined: true },
          ],
        },
      },
    },
    {
      type: 'Categorization',
      label: 'Nested',
      elements: [{ type: 'Category', label: 'Inner', elements: [control('#/properties/inner')] }],
      rule: {
        effect: 'HIDE',
        condition: {
          type: 'OR',
          conditions: [
            { scope: '#/properties/name', schema: { const: 'hide' } },
            { scope: '#/properties/note', schema: { const: 'hide' }, failWhenUndefined: true },
          ],
        },
      },
    },
  ],
} as unknown as Categorization;
const list = (rootData: unknown, errorPaths: string[] = [], path = '') =>
  listCategories({
    categorization,
    rootData,
    path,
    ajv,
    config: {},
    translate,
    texts,
    errorPaths,
    enabled: true,
  });

describe('listCategories', () => {
  it('labels categories through i18n (the label as a key, the i18n key) and numbers the rest', () => {
    const entries = list({ provideAddress: true });
    expect(entries.map((e) => e.label)).toEqual(['Basic', 'Address', 'Extra', 'Nested']);
    const unlabelled = listCategories({
      categorization: { type: 'Categorization', elements: [{ type: 'Category', elements: [] }] },
      rootData: {},
      path: '',
      ajv,
      config: {},
      translate,
      texts: { 'categorization.category': 'Kategorie {n}' },
      errorPaths: [],
      enabled: true,
    } as unknown as Parameters<typeof listCategories>[0]);
    expect(unlabelled.map((e) => e.label)).toEqual(['Kategorie 1']);
  });

  it('drops categories a SHOW/HIDE rule hides, keeping each its position in `elements`', () => {
    expect(list({}).map((e) => e.index)).toEqual([0, 2, 3]);
    expect(list({ provideAddress: true }).map((e) => e.index)).toEqual([0, 1, 2, 3]);
    // OR: either condition hides the nested Categorization.
    expect(list({ name: 'hide' }).map((e) => e.index)).toEqual([0, 2]);
    expect(list({ note: 'hide' }).map((e) => e.index)).toEqual([0, 2]);
  });

  it('applies ENABLE/DISABLE rules with AND conditions (and failWhenUndefined) to it', () => {
    const extra = (data: unknown) => list(data).find((e) => e.label === 'Extra')?.enabled;
    expect(extra({ provideAddress: true, name: 'Ann' })).toBe(false);
    expect(extra({ provideAddress: true })).toBe(true);
    expect(extra({ name: 'Ann' })).toBe(true);
  });

  it('marks the categories that hold an error, at any depth inside them', () => {
    const entries = list({ provideAddress: true }, ['address.city', 'inner']);
    expect(entries.map((e) => e.hasErrors)).toEqual([false, true, false, true]);
  });

  it('shows a nested Categorization as the panel of its own tab', () => {
    const nested = list({}).find((e) => e.label === 'Nested');
    expect(nested?.elements).toEqual([categorization.elements[3]]);
  });

  it('evaluates rules at the layout path, as core does for a Categorization in a detail', () => {
    const entries = list(
      { items: [{ provideAddress: true }] },
      ['items.0.address.city'],
      'items.0',
    );
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect(entries[1]?.hasErrors).toBe(true);
  });
});

describe('collectScopedPaths and hasErrorUnder', () => {
  it('collects the data paths of every scoped element, composed onto the layout path', () => {
    const element = {
      type: 'Category',
      elements: [
        control('#/properties/a'),
        { type: 'Group', elements: [control('#/properties/b/properties/c')] },
        { type: 'ListWithDetail', scope: '#/properties/list' },
      ],
    };
    expect(collectScopedPaths({ element: element as never, path: '' }).sort()).toEqual([
      'a',
      'b.c',
      'list',
    ]);
    expect(collectScopedPaths({ element: element as never, path: 'x.0' }).sort()).toEqual([
      'x.0.a',
      'x.0.b.c',
      'x.0.list',
    ]);
  });

  it('finds an error at a path, below it, or anywhere for the root scope', () => {
    expect(hasErrorUnder({ paths: ['a'], errorPaths: ['a'] })).toBe(true);
    expect(hasErrorUnder({ paths: ['list'], errorPaths: ['list.2.name'] })).toBe(true);
    expect(hasErrorUnder({ paths: ['list'], errorPaths: ['listing'] })).toBe(false);
    expect(hasErrorUnder({ paths: [''], errorPaths: ['z'] })).toBe(true);
    expect(hasErrorUnder({ paths: ['a'], errorPaths: [] })).toBe(false);
  });
});

describe('listVisibleErrorPaths', () => {
  const validate = ajv.compile({
    type: 'object',
    properties: { name: { type: 'string', minLength: 3 }, address: { type: 'object' } },
    required: ['name', 'address'],
  });
  validate({ name: 'x' });
  const clientErrors = validate.errors ?? [];
  const base = {
    clientErrors,
    serverErrors: new Map<string, string>(),
    touched: new Set<string>(),
    edited: new Set<string>(),
    submitted: false,
  };

  it('shows client errors once the field was left or a submit was tried', () => {
    expect(listVisibleErrorPaths(base)).toEqual([]);
    expect(listVisibleErrorPaths({ ...base, touched: new Set(['name']) })).toEqual(['name']);
    expect(listVisibleErrorPaths({ ...base, submitted: true }).sort()).toEqual(['address', 'name']);
  });

  it('shows server errors until their field is edited', () => {
    const serverErrors = new Map([['code', 'Not known']]);
    expect(listVisibleErrorPaths({ ...base, serverErrors })).toEqual(['code']);
    expect(listVisibleErrorPaths({ ...base, serverErrors, edited: new Set(['code']) })).toEqual([]);
  });
});

describe('moveTabFocus', () => {
  it('follows the ARIA tabs pattern: arrows wrap, Home and End go to the ends', () => {
    expect(moveTabFocus({ key: 'ArrowRight', current: 0, count: 3 })).toBe(1);
    expect(moveTabFocus({ key: 'ArrowRight', current: 2, count: 3 })).toBe(0);
    expect(moveTabFocus({ key: 'ArrowLeft', current: 0, count: 3 })).toBe(2);
    expect(moveTabFocus({ key: 'Home', current: 2, count: 3 })).toBe(0);
    expect(moveTabFocus({ key: 'End', current: 0, count: 3 })).toBe(2);
    expect(moveTabFocus({ key: 'Enter', current: 0, count: 3 })).toBeUndefined();
    expect(moveTabFocus({ key: 'ArrowRight', current: 0, count: 0 })).toBeUndefined();
  });
});
