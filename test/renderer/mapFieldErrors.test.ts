import { createAjv, type Translator } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import registrationForm from '../../forms/builtin/passkey-registration.json';
import { collectControlPaths } from '../../renderer/forms/collectControlPaths';
import { createFormTranslator } from '../../renderer/forms/createFormTranslator';
import { isPathShown } from '../../renderer/forms/isPathShown';
import { labelDataPath } from '../../renderer/forms/labelDataPath';
import { listUnshownErrors } from '../../renderer/forms/listUnshownErrors';
import { mapFieldErrors } from '../../renderer/forms/mapFieldErrors';
import { pickVisibleError } from '../../renderer/forms/pickVisibleError';
import { pointerToDataPath } from '../../renderer/forms/pointerToDataPath';

describe('pointerToDataPath', () => {
  it.each([
    ['/userName', 'userName'],
    ['/address/street', 'address.street'],
    ['/items/0/name', 'items.0.name'],
    ['/a~1b/c~0d', 'a/b.c~d'],
    ['', ''],
    ['userName', 'userName'],
  ])('maps %j to %j', (pointer, path) => {
    expect(pointerToDataPath(pointer)).toBe(path);
  });
});

describe('collectControlPaths', () => {
  it('finds the built-in registration form controls', () => {
    expect(collectControlPaths(registrationForm.uischema)).toEqual(
      new Set(['userName', 'displayName']),
    );
  });

  it('walks nested layouts and groups, and decodes scopes', () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [
        {
          type: 'Group',
          elements: [
            { type: 'Control', scope: '#/properties/address/properties/street' },
            {
              type: 'HorizontalLayout',
              elements: [{ type: 'Control', scope: '#/properties/a~1b' }],
            },
          ],
        },
        { type: 'Label', text: 'x' },
      ],
    };
    expect(collectControlPaths(uischema)).toEqual(new Set(['address.street', 'a/b']));
  });

  it('counts a ListWithDetail as the control of its items, inside Categorization too', () => {
    const uischema = {
      type: 'Categorization',
      elements: [
        {
          type: 'Category',
          elements: [{ type: 'ListWithDetail', scope: '#/properties/orders' }],
        },
      ],
    };
    expect(collectControlPaths(uischema)).toEqual(new Set(['orders']));
    const mapped = mapFieldErrors({
      errors: [{ path: '/orders/1/title', message: 'This is too short.' }],
      controlPaths: collectControlPaths(uischema),
    });
    expect(mapped.byPath.get('orders.1.title')).toBe('This is too short.');
    expect(mapped.general).toEqual([]);
  });

  it('survives junk and cycles', () => {
    const cyclic: Record<string, unknown> = { type: 'VerticalLayout', elements: [] };
    (cyclic.elements as unknown[]).push(cyclic);
    expect(collectControlPaths(cyclic)).toEqual(new Set());
    expect(collectControlPaths(null)).toEqual(new Set());
  });
});

describe('mapFieldErrors', () => {
  const controlPaths = new Set(['userName', 'displayName']);

  it('puts server errors on the control with that path', () => {
    const mapped = mapFieldErrors({
      errors: [{ path: '/userName', message: 'Use at least 3 characters.' }],
      controlPaths,
    });
    expect(mapped.byPath.get('userName')).toBe('Use at least 3 characters.');
    expect(mapped.general).toEqual([]);
  });

  it('joins several errors of one field', () => {
    const mapped = mapFieldErrors({
      errors: [
        { path: '/userName', message: 'Too short.' },
        { path: '/userName', message: 'No spaces.' },
      ],
      controlPaths,
    });
    expect(mapped.byPath.get('userName')).toBe('Too short.\nNo spaces.');
  });

  it('keeps errors without a control (root, unknown field) for the form-level notice, each naming its field', () => {
    const schema = {
      type: 'object',
      properties: { birthDate: { type: 'string' }, nick: { type: 'string', title: 'Nickname' } },
    };
    const mapped = mapFieldErrors({
      errors: [
        { path: '', message: 'Unknown field "x".' },
        { path: '/nick', message: 'Not allowed.' },
        { path: '/birthDate', message: "must have required property 'birthDate'" },
        { path: '/birthDate', message: "must have required property 'birthDate'" },
      ],
      controlPaths,
      labelOf: (path) => labelDataPath({ schema, texts: {}, path }),
    });
    expect(mapped.byPath.size).toBe(0);
    expect(mapped.general).toEqual([
      'Unknown field "x".',
      'Nickname: Not allowed.',
      "Birth Date: must have required property 'birthDate'",
    ]);
  });

  it('puts errors below a control (array items, nested objects) on that control’s path', () => {
    const mapped = mapFieldErrors({
      errors: [{ path: '/items/0/name', message: 'Too short.' }],
      controlPaths: new Set(['items']),
    });
    expect(mapped.byPath.get('items.0.name')).toBe('Too short.');
    expect(mapped.general).toEqual([]);
    expect(isPathShown('itemsX', new Set(['items']))).toBe(false);
    expect(isPathShown('anything.at.all', new Set(['']))).toBe(true);
  });
});

describe('labelDataPath', () => {
  const schema = {
    type: 'object',
    properties: {
      first_name: { type: 'string' },
      items: { type: 'array', items: { type: 'object', properties: { dueDate: {} } } },
      titled: { type: 'string', title: 'Your title' },
    },
  };
  it.each([
    ['first_name', {}, 'First Name'],
    ['items.0.dueDate', {}, 'Due Date'],
    ['titled', {}, 'Your title'],
    ['titled', { 'titled.label': 'Ihr Titel' }, 'Ihr Titel'],
    ['notInSchema', {}, 'Not In Schema'],
  ])('names %j', (path, texts, expected) => {
    expect(labelDataPath({ schema, texts, path })).toBe(expected);
  });
});

describe('listUnshownErrors', () => {
  const schema = {
    type: 'object',
    properties: {
      shown: { type: 'string', minLength: 3 },
      birthDate: { type: 'string', format: 'date' },
    },
    required: ['shown', 'birthDate'],
  };
  const ajv = createAjv();
  const validate = ajv.compile(schema);
  const translate = createFormTranslator({ 'birthDate.error.required': 'Enter your birth date.' });

  it('lists the browser’s errors for fields no control shows, with JSON Forms’ message', () => {
    validate({ shown: 'ab' });
    const listed = listUnshownErrors({
      errors: validate.errors ?? [],
      controlPaths: new Set(['shown']),
      translate: translate as Translator,
    });
    expect(listed).toEqual([{ path: 'birthDate', message: 'Enter your birth date.' }]);
    const mapped = mapFieldErrors({
      errors: listed,
      controlPaths: new Set(['shown']),
      labelOf: (path) => labelDataPath({ schema, texts: {}, path }),
    });
    expect(mapped.general).toEqual(['Birth Date: Enter your birth date.']);
  });

  it('lists nothing when every error has its control', () => {
    validate({ shown: 'ab', birthDate: '2024-01-01' });
    expect(
      listUnshownErrors({
        errors: validate.errors ?? [],
        controlPaths: new Set(['shown', 'birthDate']),
        translate: translate as Translator,
      }),
    ).toEqual([]);
  });
});

describe('pickVisibleError', () => {
  const base = { clientError: 'Too short', serverError: undefined, edited: false };

  it('hides client errors until the field was left or a submit was tried', () => {
    expect(pickVisibleError({ ...base, touched: false, submitted: false })).toBe('');
    expect(pickVisibleError({ ...base, touched: true, submitted: false })).toBe('Too short');
    expect(pickVisibleError({ ...base, touched: false, submitted: true })).toBe('Too short');
  });

  it('shows a server error at once, until the user edits the field', () => {
    const server = { ...base, clientError: '', serverError: 'Taken', touched: false };
    expect(pickVisibleError({ ...server, submitted: false })).toBe('Taken');
    expect(pickVisibleError({ ...server, submitted: false, edited: true })).toBe('');
  });
});
