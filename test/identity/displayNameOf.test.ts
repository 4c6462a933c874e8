import { describe, expect, it } from 'vitest';
import { displayNameOf } from '../../identity/displayNameOf';

const names = { firstName: 'Ada', lastName: 'Lovelace' };

describe('displayNameOf', () => {
  it('prefers attributes.displayName over the names', () => {
    expect(displayNameOf({ ...names, attributes: { displayName: 'Countess of Lovelace' } })).toBe(
      'Countess of Lovelace',
    );
  });

  it('falls back to "firstName lastName" when attributes.displayName is empty or absent', () => {
    expect(displayNameOf({ ...names, attributes: { displayName: '' } })).toBe('Ada Lovelace');
    expect(displayNameOf({ ...names, attributes: null })).toBe('Ada Lovelace');
    expect(displayNameOf({ firstName: null, lastName: 'Lovelace', attributes: {} })).toBe(
      'Lovelace',
    );
  });

  it('ignores an attributes.displayName that is not a string', () => {
    const attributes = JSON.parse('{"displayName":42}');
    expect(displayNameOf({ ...names, attributes })).toBe('Ada Lovelace');
  });

  it('is undefined without a display name or names, so the caller picks the fallback', () => {
    expect(displayNameOf({ firstName: null, lastName: null, attributes: null })).toBeUndefined();
  });
});
