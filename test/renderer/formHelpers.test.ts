import { describe, expect, it } from 'vitest';
import registrationForm from '../../forms/builtin/passkey-registration.json';
import retryForm from '../../forms/builtin/passkey-retry.json';
import { fieldIds } from '../../renderer/forms/fieldIds';
import { parseNumberInput } from '../../renderer/forms/parseNumberInput';
import { planAutoSubmit } from '../../renderer/forms/planAutoSubmit';
import { prepareValidation } from '../../renderer/forms/prepareValidation';

describe('planAutoSubmit', () => {
  it('waits for the button when buttons are shown', () => {
    expect(planAutoSubmit({ hideButtons: false, delaySeconds: 0 })).toBeNull();
    expect(planAutoSubmit({ hideButtons: false, delaySeconds: 5 })).toBeNull();
  });
  it('submits after the delay, or at once, when buttons are hidden', () => {
    expect(planAutoSubmit({ hideButtons: true, delaySeconds: 3 })).toBe(3000);
    expect(planAutoSubmit({ hideButtons: true, delaySeconds: 0 })).toBe(0);
    expect(planAutoSubmit({ hideButtons: true, delaySeconds: Number.NaN })).toBe(0);
    expect(planAutoSubmit({ hideButtons: true, delaySeconds: -1 })).toBe(0);
  });
});

describe('parseNumberInput', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['42', 42],
    [' -1.5 ', -1.5],
    ['1e3', 1000],
    ['abc', 'abc'],
    ['Infinity', 'Infinity'],
  ])('%j → %j', (raw, value) => {
    expect(parseNumberInput(raw)).toBe(value);
  });
});

describe('fieldIds', () => {
  it('derives stable, safe, distinct ids from paths', () => {
    expect(fieldIds('userName')).toEqual({
      input: 'field-userName',
      description: 'field-userName-description',
      error: 'field-userName-error',
    });
    expect(fieldIds('a.b').input).not.toBe(fieldIds('a_b').input);
    expect(fieldIds('a b"<').input).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(fieldIds('').input).toBe('field-root');
  });

  it('gives each rendered control of one path its own ids (a property shown twice)', () => {
    const first = fieldIds('price', '_R_1_');
    const second = fieldIds('price', '_R_2_');
    expect(first.input).not.toBe(second.input);
    expect(first.error).not.toBe(second.error);
    expect(first.description).not.toBe(second.description);
    // React 18's «r1» or :r1: ids stay within the safe set too.
    expect(fieldIds('price', ':r1:').input).toMatch(/^[A-Za-z0-9_.-]+$/);
  });
});

describe('prepareValidation', () => {
  it('compiles the built-in forms for client-side feedback', () => {
    for (const form of [registrationForm, retryForm]) {
      const { ajv, validationMode } = prepareValidation(form.schema);
      expect(validationMode).toBe('ValidateAndShow');
      expect(ajv).toBeDefined();
    }
  });

  it('falls back to server-only validation when a schema cannot compile', () => {
    const broken = { type: 'object', properties: { a: { type: 'string', pattern: '(' } } };
    expect(prepareValidation(broken)).toEqual({ ajv: undefined, validationMode: 'NoValidation' });
  });
});
