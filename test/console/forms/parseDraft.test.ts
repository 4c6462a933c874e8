import { describe, expect, it } from 'vitest';
import { parseDraft, splitFieldErrors } from '../../../console/sections/forms/parseDraft';

describe('parseDraft', () => {
  it('builds the upload body, leaving out empty optional parts', () => {
    expect(parseDraft({ schema: '{"type":"object"}', uischema: '  ', i18n: '{"en":{}}' })).toEqual({
      ok: true,
      draft: { schema: { type: 'object' }, i18n: { en: {} } },
    });
  });

  it('names the editor whose text is not a JSON object', () => {
    expect(parseDraft({ schema: '{}', uischema: '{"type": ', i18n: '' })).toMatchObject({
      ok: false,
      part: 'uischema',
    });
    expect(parseDraft({ schema: '[]', uischema: '', i18n: '' })).toEqual({
      ok: false,
      part: 'schema',
      message: 'expected a JSON object',
    });
    expect(parseDraft({ schema: '', uischema: '', i18n: '' })).toMatchObject({
      ok: false,
      part: 'schema',
    });
  });
});

describe('splitFieldErrors', () => {
  it('sends each upload pointer to its editor, relative to it', () => {
    const { byPart, general } = splitFieldErrors([
      { path: '/uischema/elements/0/scope', message: 'does not resolve' },
      { path: '/schema', message: 'bad' },
      { path: '/extra', message: 'unknown key' },
    ]);
    expect(byPart.uischema).toEqual([
      { pointer: '/elements/0/scope', message: 'does not resolve' },
    ]);
    expect(byPart.schema).toEqual([{ pointer: '', message: 'bad' }]);
    expect(byPart.i18n).toEqual([]);
    expect(general).toEqual(['/extra unknown key']);
  });
});
