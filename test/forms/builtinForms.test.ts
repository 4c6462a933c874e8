import { describe, expect, it } from 'vitest';
import registration from '../../forms/builtin/passkey-registration.json' with { type: 'json' };
import retry from '../../forms/builtin/passkey-retry.json' with { type: 'json' };
import signIn from '../../forms/builtin/passkey-sign-in.json' with { type: 'json' };
import signInNone from '../../forms/builtin/passkey-sign-in-none.json' with { type: 'json' };
import signInRetry from '../../forms/builtin/passkey-sign-in-retry.json' with { type: 'json' };
import { builtinForms } from '../../forms/builtinForms';
import { validateFormDefinition } from '../../forms/validateFormDefinition';

describe('built-in forms', () => {
  it.each([
    ['passkey-registration', registration],
    ['passkey-retry', retry],
    ['passkey-sign-in', signIn],
    ['passkey-sign-in-retry', signInRetry],
    ['passkey-sign-in-none', signInNone],
  ])('%s passes validateFormDefinition', (_, definition) => {
    const result = validateFormDefinition({ definition });
    expect(result.ok ? undefined : result.error.details).toBeUndefined();
  });

  it('exports every built-in by name, normalised', () => {
    expect(builtinForms.map((form) => form.name)).toEqual([
      'passkey-registration',
      'passkey-retry',
      'passkey-sign-in',
      'passkey-sign-in-retry',
      'passkey-sign-in-none',
    ]);
    for (const form of builtinForms) expect(form.definition.uischema).toBeDefined();
  });

  it('registration asks for userName and displayName with en/de texts', () => {
    const form = builtinForms.find((entry) => entry.name === 'passkey-registration');
    const definition = form?.definition;
    expect(definition?.schema.required).toEqual(['userName', 'displayName']);
    expect(definition?.schema.additionalProperties).toBe(false);
    expect(definition?.uischema).toEqual({
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/userName', label: 'User name' },
        { type: 'Control', scope: '#/properties/displayName', label: 'Display name' },
      ],
    });
    expect(definition?.i18n?.en).toMatchObject({
      'userName.label': 'User name',
      'displayName.label': 'Display name',
      submit: 'Submit for Registration',
    });
    expect(definition?.i18n?.de?.submit).toBe('Zur Registrierung absenden');
    expect(definition?.i18n?.en?.['userName.description']).toMatch(/email/);
  });

  it('retry explains the failure and needs no input', () => {
    const definition = builtinForms.find((entry) => entry.name === 'passkey-retry')?.definition;
    expect(definition?.schema.properties).toEqual({});
    expect(definition?.schema.required).toBeUndefined();
    expect(JSON.stringify(definition?.uischema)).toContain(
      'Passkey registration was cancelled or did not complete.',
    );
    expect(definition?.i18n?.en?.submit).toBe('Try again');
    expect(definition?.i18n?.de?.submit).toBe('Erneut versuchen');
  });
});
