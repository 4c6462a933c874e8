import { createCombinatorRenderInfos, type JsonSchema } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../renderer/forms/renderers/layouts/formatText';
import { hasEnteredData } from '../../renderer/forms/renderers/layouts/hasEnteredData';
import { labelAlternatives } from '../../renderer/forms/renderers/layouts/labelAlternatives';
import { labelListItem } from '../../renderer/forms/renderers/layouts/labelListItem';
import { pickChildLabelProp } from '../../renderer/forms/renderers/layouts/pickChildLabelProp';

describe('formatText', () => {
  it('takes the form text or the English default and fills in its slots', () => {
    const values = { current: 2, total: 4, label: 'Address' };
    const key = 'categorization.step';
    const fallback = 'Step {current} of {total}: {label}';
    expect(formatText({ texts: {}, key, fallback, values })).toBe('Step 2 of 4: Address');
    const texts = { [key]: 'Schritt {current} von {total}: {label} {unknown}' };
    expect(formatText({ texts, key, fallback, values })).toBe('Schritt 2 von 4: Address {unknown}');
    // Own properties only: a key named like an Object.prototype member is no text.
    expect(formatText({ texts: {}, key: 'constructor', fallback: 'Next' })).toBe('Next');
  });
});

describe('pickChildLabelProp', () => {
  it('reads elementLabelProp, childLabelProp and labelRef, as JSON Forms renderer sets do', () => {
    expect(pickChildLabelProp({ elementLabelProp: 'author.name' })).toBe('author.name');
    expect(pickChildLabelProp({ childLabelProp: 'title' })).toBe('title');
    expect(pickChildLabelProp({ labelRef: '#/items/properties/customer/properties/name' })).toBe(
      'customer.name',
    );
    expect(pickChildLabelProp({ labelRef: '#/items' })).toBeUndefined();
    expect(pickChildLabelProp({})).toBeUndefined();
    expect(pickChildLabelProp(undefined)).toBeUndefined();
  });
});

describe('labelListItem', () => {
  it('names an item by position and label, or "Item N" through the texts', () => {
    expect(labelListItem({ texts: {}, index: 0, childLabel: 'Sirius' })).toBe('1. Sirius');
    expect(labelListItem({ texts: {}, index: 2, childLabel: 7 })).toBe('3. 7');
    expect(labelListItem({ texts: {}, index: 1, childLabel: '  ' })).toBe('Item 2');
    const texts = { 'listWithDetail.item': 'Eintrag {n}' };
    expect(labelListItem({ texts, index: 1, childLabel: undefined })).toBe('Eintrag 2');
  });
});

describe('hasEnteredData', () => {
  it('counts only values the user gave, not "nothing" or the alternative defaults', () => {
    for (const nothing of [undefined, null, '', {}, [], { a: '', b: { c: undefined } }, [{}]]) {
      expect(hasEnteredData({ data: nothing })).toBe(false);
    }
    for (const something of ['x', 0, false, { a: 'x' }, [1], { a: { b: [true] } }]) {
      expect(hasEnteredData({ data: something })).toBe(true);
    }
    expect(hasEnteredData({ data: { unit: 'kg' }, initial: { unit: 'kg' } })).toBe(false);
    expect(hasEnteredData({ data: { unit: 'g' }, initial: { unit: 'kg' } })).toBe(true);
  });
});

describe('labelAlternatives', () => {
  it("names alternatives by their title, the $ref target's title, else Option N", () => {
    const rootSchema = {
      definitions: { user: { title: 'User', type: 'object', properties: {} } },
    } as JsonSchema;
    const subSchemas = [
      { title: 'Address', type: 'object', properties: {} },
      { $ref: '#/definitions/user' },
      { type: 'object', properties: {} },
    ] as JsonSchema[];
    const control = { type: 'Control' as const, scope: '#/properties/x' };
    const infos = createCombinatorRenderInfos(subSchemas, rootSchema, 'oneOf', control, 'x', []);
    expect(labelAlternatives({ infos, subSchemas, texts: {} })).toEqual([
      'Address',
      'User',
      'Option 3',
    ]);
    const texts = { 'combinator.option': 'Variante {n}' };
    expect(labelAlternatives({ infos, subSchemas, texts })[2]).toBe('Variante 3');
  });
});
