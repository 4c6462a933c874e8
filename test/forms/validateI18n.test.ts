import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRejected, makeDefinition } from './formTestHelpers';

const withI18n = (i18n: unknown) => makeDefinition({ i18n });

describe('i18n bundles', () => {
  it('accepts BCP-47-ish locales with plain-text values', () => {
    const i18n = {
      en: { 'userName.label': 'User name', submit: 'Submit' },
      'de-CH': { 'userName.label': 'Benutzername' },
      'zh-Hant-TW': { submit: '提交' },
      fil: {},
    };
    expect(expectAccepted(withI18n(i18n)).i18n).toEqual(i18n);
  });

  it.each([
    ['uppercase language', 'EN'],
    ['underscore separator', 'en_US'],
    ['too long a subtag', 'en-abcdefghi'],
    ['a single letter', 'e'],
    ['an empty tag', ''],
  ])('rejects a locale with %s', (_, locale) => {
    expectRejected(withI18n({ [locale]: { submit: 'Go' } }), { path: `/i18n/${locale}` });
  });

  it('rejects non-object bundles and a non-object root', () => {
    expectRejected(withI18n({ en: ['Submit'] }), { path: '/i18n/en' });
    expectRejected(withI18n(['en']), { path: '/i18n' });
  });

  it('rejects non-string texts', () => {
    expectRejected(withI18n({ en: { submit: 1 } }), { path: '/i18n/en/submit' });
    expectRejected(withI18n({ en: { submit: { text: 'x' } } }), { path: '/i18n/en/submit' });
  });

  it('rejects markup and overlong texts', () => {
    expectRejected(withI18n({ en: { submit: '<a href=x>Go</a>' } }), {
      path: '/i18n/en/submit',
    });
    expectAccepted(withI18n({ en: { submit: 'x'.repeat(500) } }));
    expectRejected(withI18n({ en: { submit: 'x'.repeat(501) } }), { path: '/i18n/en/submit' });
  });

  it('rejects empty keys and escapes key paths', () => {
    expectRejected(withI18n({ en: { '': 'x' } }), { path: '/i18n/en/' });
    expectRejected(withI18n({ en: { 'a/b': '<p>' } }), { path: '/i18n/en/a~1b' });
  });
});
