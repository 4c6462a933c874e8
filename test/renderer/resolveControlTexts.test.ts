import {
  createLabelDescriptionFrom,
  defaultErrorTranslator,
  type Translator,
} from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { chooseHeading } from '../../renderer/flow/chooseHeading';
import { createFormTranslator } from '../../renderer/forms/createFormTranslator';
import { lookupText } from '../../renderer/forms/lookupText';
import { resolveControlTexts } from '../../renderer/forms/resolveControlTexts';

const schema = { type: 'string', title: 'Schema title', description: 'Schema help' };
const control = { type: 'Control', scope: '#/properties/userName', label: 'UI label' };

describe('resolveControlTexts label chain', () => {
  it('prefers texts[<prop>.label]', () => {
    const texts = { 'userName.label': 'Benutzername' };
    expect(resolveControlTexts({ texts, uischema: control, schema, path: 'userName' }).label).toBe(
      'Benutzername',
    );
  });

  it('then the uischema label (string or {text})', () => {
    const args = { texts: {}, schema, path: 'userName' };
    expect(resolveControlTexts({ ...args, uischema: control }).label).toBe('UI label');
    const objectLabel = { ...control, label: { text: 'Object label', show: true } };
    expect(resolveControlTexts({ ...args, uischema: objectLabel }).label).toBe('Object label');
  });

  it('then the schema title, then the property name as JSON Forms derives it', () => {
    const bare = { type: 'Control', scope: '#/properties/userName' };
    expect(resolveControlTexts({ texts: {}, uischema: bare, schema, path: 'userName' }).label).toBe(
      'Schema title',
    );
    expect(
      resolveControlTexts({ texts: {}, uischema: {}, schema: {}, path: 'address.street' }).label,
    ).toBe('Street');
  });

  it('uses the i18n key of the uischema element or schema over the path', () => {
    const texts = { 'custom.label': 'From uischema i18n', 'fromSchema.label': 'From schema i18n' };
    expect(
      resolveControlTexts({ texts, uischema: { ...control, i18n: 'custom' }, schema, path: 'x' })
        .label,
    ).toBe('From uischema i18n');
    expect(
      resolveControlTexts({ texts, uischema: control, schema: { i18n: 'fromSchema' }, path: 'x' })
        .label,
    ).toBe('From schema i18n');
  });

  it('drops array indices from the key like JSON Forms does', () => {
    const texts = { 'items.name.label': 'Item name' };
    expect(
      resolveControlTexts({ texts, uischema: {}, schema: {}, path: 'items.0.name' }).label,
    ).toBe('Item name');
  });

  it('takes the description from texts, then the schema', () => {
    const args = { uischema: control, schema, path: 'userName' };
    expect(resolveControlTexts({ ...args, texts: {} }).description).toBe('Schema help');
    expect(
      resolveControlTexts({ ...args, texts: { 'userName.description': 'Hilfe' } }).description,
    ).toBe('Hilfe');
  });

  it('marks label: false as hidden but still names the field', () => {
    const texts = resolveControlTexts({
      texts: {},
      uischema: { ...control, label: false },
      schema,
      path: 'userName',
    });
    expect(texts).toMatchObject({ label: 'Schema title', labelHidden: true });
  });

  it('never reads inherited properties as texts', () => {
    const bare = { type: 'Control' };
    expect(
      resolveControlTexts({ texts: {}, uischema: bare, schema: {}, path: 'constructor' }).label,
    ).toBe('Constructor');
    expect(lookupText({ texts: {}, key: 'toString', fallback: 'fb' })).toBe('fb');
  });
});

describe('resolveControlTexts default labels', () => {
  const label = (scope: string | undefined, extra: Record<string, unknown> = {}) =>
    resolveControlTexts({
      texts: {},
      uischema: scope === undefined ? {} : { type: 'Control', scope },
      schema: {},
      path: scope === undefined ? 'first_name' : 'x',
      ...extra,
    }).label;

  it.each([
    ['#/properties/birthDate', 'Birth Date'],
    ['#/properties/first_name', 'First Name'],
    ['#/properties/userID', 'User ID'],
    ['#/properties/address2', 'Address 2'],
    ['#/properties/a~1b', 'A B'],
    ['#/properties/person/properties/lastName', 'Last Name'],
  ])('derives %j as core does: %j', (scope, expected) => {
    expect(label(scope)).toBe(expected);
    // The same text JSON Forms' own mapStateToControlProps would give the control.
    expect(label(scope)).toBe(createLabelDescriptionFrom({ type: 'Control', scope }).text);
  });

  it('derives from the data path when there is no scope (an error no control shows)', () => {
    expect(label(undefined)).toBe('First Name');
    expect(
      resolveControlTexts({ texts: {}, uischema: {}, schema: {}, path: 'items.0.dueDate' }).label,
    ).toBe('Due Date');
  });

  it('lets the title, the uischema label and the i18n label win, in that order', () => {
    const scope = '#/properties/birthDate';
    const uischema = { type: 'Control', scope };
    const titled = { type: 'string', title: 'Date of birth' };
    expect(
      resolveControlTexts({ texts: {}, uischema, schema: titled, path: 'birthDate' }).label,
    ).toBe('Date of birth');
    expect(
      resolveControlTexts({
        texts: {},
        uischema: { ...uischema, label: 'Born on' },
        schema: titled,
        path: 'birthDate',
      }).label,
    ).toBe('Born on');
    expect(
      resolveControlTexts({
        texts: { 'birthDate.label': 'Geburtsdatum' },
        uischema: { ...uischema, label: 'Born on' },
        schema: titled,
        path: 'birthDate',
      }).label,
    ).toBe('Geburtsdatum');
  });
});

describe('createFormTranslator with JSON Forms error translation', () => {
  const texts = {
    'userName.error.required': 'Please enter a user name.',
    'error.pattern': 'Generic pattern message.',
  };
  const t = createFormTranslator(texts) as Translator;
  const ajvError = (keyword: string, instancePath: string, params = {}): ErrorObject => ({
    keyword,
    instancePath,
    schemaPath: `#/${keyword}`,
    params,
    message: `ajv says ${keyword}`,
    parentSchema: {},
  });

  it('returns the default (even undefined) for a missing key', () => {
    expect(t('nope', undefined)).toBeUndefined();
    expect(t('nope', 'dflt')).toBe('dflt');
  });

  it('gives the field-specific error text, then the generic one, then ajv', () => {
    const required = ajvError('required', '', { missingProperty: 'userName' });
    expect(defaultErrorTranslator(required, t)).toBe('Please enter a user name.');
    expect(defaultErrorTranslator(ajvError('pattern', '/displayName'), t)).toBe(
      'Generic pattern message.',
    );
    expect(defaultErrorTranslator(ajvError('minLength', '/displayName'), t)).toBe(
      'ajv says minLength',
    );
  });
});

describe('chooseHeading', () => {
  it('uses the form title text, then the step title, then the fallback', () => {
    expect(chooseHeading({ texts: { title: 'Passkey' }, title: 'Node', fallback: 'F' })).toBe(
      'Passkey',
    );
    expect(chooseHeading({ texts: {}, title: 'Node', fallback: 'F' })).toBe('Node');
    expect(chooseHeading({ title: '  ', fallback: 'F' })).toBe('F');
  });
});
