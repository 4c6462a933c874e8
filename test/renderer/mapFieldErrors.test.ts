import { describe, expect, it } from 'vitest';
import registrationForm from '../../forms/builtin/passkey-registration.json';
import { collectControlPaths } from '../../renderer/forms/collectControlPaths';
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

  it('keeps errors without a control (root, unknown field) for the form-level notice', () => {
    const mapped = mapFieldErrors({
      errors: [
        { path: '', message: 'Unknown field "x".' },
        { path: '/nickname', message: 'Not allowed.' },
      ],
      controlPaths,
    });
    expect(mapped.byPath.size).toBe(0);
    expect(mapped.general).toEqual(['Unknown field "x".', 'Not allowed.']);
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
