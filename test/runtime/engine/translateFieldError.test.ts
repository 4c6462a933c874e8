import { describe, expect, it } from 'vitest';
import { translateFieldError } from '../../../runtime/engine/translateFieldError';

describe('translateFieldError', () => {
  it("keys an array item's error without its index, as JSON Forms does in the browser", () => {
    const texts = { 'comments.message.error.maxLength': 'Höchstens 20 Zeichen.' };
    for (const path of ['/comments/0/message', '/comments/12/message']) {
      expect(translateFieldError({ path, keyword: 'maxLength', message: 'raw', texts })).toBe(
        'Höchstens 20 Zeichen.',
      );
    }
    expect(
      translateFieldError({
        path: '/tags/1',
        keyword: 'maxLength',
        message: 'raw',
        texts: { 'tags.error.maxLength': 'Zu lang.' },
      }),
    ).toBe('Zu lang.');
  });

  it('falls back to error.<keyword>, then a plain default, then the message', () => {
    const texts = { 'error.minimum': 'Zu klein.' };
    expect(translateFieldError({ path: '/a/0/b', keyword: 'minimum', message: 'raw', texts })).toBe(
      'Zu klein.',
    );
    expect(
      translateFieldError({ path: '/a', keyword: 'maxLength', message: 'raw', texts: {} }),
    ).toBe('This is too long.');
    expect(
      translateFieldError({ path: '/a', keyword: 'uniqueItems', message: 'raw', texts: {} }),
    ).toBe('raw');
  });
});
