import { defaultErrorTranslator, type Translator } from '@jsonforms/core';
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

  it('then the schema title, then the property name', () => {
    const bare = { type: 'Control', scope: '#/properties/userName' };
    expect(resolveControlTexts({ texts: {}, uischema: bare, schema, path: 'userName' }).label).toBe(
      'Schema title',
    );
    expect(
      resolveControlTexts({ texts: {}, uischema: bare, schema: {}, path: 'address.street' }).label,
    ).toBe('street');
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
    ).toBe('constructor');
    expect(lookupText({ texts: {}, key: 'toString', fallback: 'fb' })).toBe('fb');
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
