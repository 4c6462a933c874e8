import { createAjv } from '@jsonforms/core';
import {
  arrayI18n,
  categorization,
  type ExampleDescription,
  getExamples,
  i18n,
} from '@jsonforms/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../forms/FormDefinition';
import { validateFormData } from '../../forms/validateFormData';
import { prepareValidation } from '../../renderer/forms/prepareValidation';
import { buildTestApp, type TestApp } from '../support/buildTestApp';

/**
 * Every example of JSON Forms' own `@jsonforms/examples`, uploaded as an integrator would (JSON
 * over the real API), must be accepted, except the few below; and its `data`, submitted against
 * the stored version, must get the answer JSON Forms' own ajv gives in the browser.
 */
const REFUSED: Record<string, { reason: string; message: RegExp }> = {
  generate: {
    reason: 'no schema (JSON Forms generates one from the data)',
    message: /received no schema/,
  },
  dynamic: {
    reason: 'no schema (JSON Forms generates one from the data)',
    message: /received no schema/,
  },
  '1948_without': { reason: 'no schema', message: /received no schema/ },
  enumInArray: { reason: 'the root is an array', message: /data is always an object/ },
  mixed: { reason: 'the root is a primitive', message: /data is always an object/ },
  string: { reason: 'the root is a string', message: /data is always an object/ },
  rule: {
    reason: 'one condition is a JavaScript validate function, which JSON cannot carry',
    message: /validate function cannot be uploaded/,
  },
};

/** The examples' translators read these tables; as `{locale: {dotted.key: text}}` they are Keyform's i18n. */
const TRANSLATIONS: Record<string, unknown> = {
  categorization: categorization.translations,
  i18n: i18n.translations,
  'array-i18n': arrayI18n.translations,
};

function flatten(table: unknown, prefix = ''): Record<string, string> {
  if (typeof table === 'string') return { [prefix]: table };
  return Object.entries(table as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, value]) => Object.assign(all, flatten(value, prefix ? `${prefix}.${key}` : key)),
    {},
  );
}

/** What an integrator's JSON upload of the example holds (functions and `undefined`s drop out). */
function uploadOf(example: ExampleDescription): Record<string, unknown> {
  const upload: Record<string, unknown> = JSON.parse(
    JSON.stringify({ schema: example.schema, uischema: example.uischema }),
  );
  const table = TRANSLATIONS[example.name];
  if (table !== undefined) upload.i18n = { [example.i18n?.locale ?? 'en']: flatten(table) };
  return upload;
}

const formName = (index: number, example: ExampleDescription) =>
  `jf-${index}-${example.name.replace(/[^A-Za-z0-9_.-]/g, '-')}`.slice(0, 64);

const examples = getExamples();
let t: TestApp;
const stored = new Map<string, FormDefinition>();

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('@jsonforms/examples uploaded through POST /api/forms/{name}/versions', () => {
  it('has the 75 examples the issue was measured with', () => {
    expect(examples).toHaveLength(75);
  });

  it.each(examples.map((example, index) => [example.name, index, example] as const))(
    '%s',
    async (name, index, example) => {
      const form = formName(index, example);
      const reply = await t.request('POST', `/api/forms/${form}/versions`, {
        body: uploadOf(example),
      });
      const refusal = REFUSED[name];
      if (refusal !== undefined) {
        expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({
          status: 400,
          code: 'FORM_INVALID',
        });
        expect(reply.body.error.message).toMatch(refusal.message);
        return;
      }
      expect(reply.body?.error?.message ?? '').toBe('');
      expect(reply.status).toBe(201);
      const version = await t.request('GET', `/api/forms/${form}/versions/1`);
      expect(version.status).toBe(200);
      stored.set(name, version.body.definition as FormDefinition);
    },
  );

  it('refuses only the justified few', () => {
    const refused = examples.filter((example) => !stored.has(example.name)).map((e) => e.name);
    expect(refused.sort()).toEqual(Object.keys(REFUSED).sort());
  });
});

describe("the examples' data, validated server-side by the stored version", () => {
  it.each(examples.filter((e) => REFUSED[e.name] === undefined).map((e) => [e.name, e] as const))(
    '%s: the server agrees with JSON Forms and with the browser',
    (name, example) => {
      const definition = stored.get(name);
      expect(definition).toBeDefined();
      const data = JSON.parse(JSON.stringify(example.data ?? {}));
      const server = validateFormData({ definition: definition!, data });
      expect('refused' in server).toBe(false);

      // The browser: Keyform's renderer validates with this ajv.
      const browserData = structuredClone(data);
      const browser = prepareValidation(definition!.schema).ajv!.compile(definition!.schema);
      const browserValid = browser(browserData);
      expect(server.ok).toBe(browserValid);
      // Defaults are filled in the same way on both sides.
      if (server.ok) expect(server.data).toEqual(browserData);

      // JSON Forms' own createAjv, with the defaults its docs enable: same verdict where it
      // compiles the schema (it cannot compile a `$ref: "#"`: it does not register the schema).
      const jsonForms = createAjv({ useDefaults: true });
      let jsonFormsValid: boolean | undefined;
      try {
        jsonFormsValid = jsonForms.compile(definition!.schema)(structuredClone(data)) as boolean;
      } catch (cause) {
        expect(String(cause)).toMatch(/can't resolve reference #/);
      }
      if (jsonFormsValid !== undefined) expect(server.ok).toBe(jsonFormsValid);
    },
  );

  it('stores the dates example time 13:37:00, as JSON Forms accepts it', () => {
    const dates = stored.get('dates')!;
    const data = {
      schemaBased: { time: '13:37:00', date: '2024-05-01', datetime: '2024-05-01T13:37' },
    };
    expect(validateFormData({ definition: dates, data })).toEqual({ ok: true, data });
  });

  it('fills the defaults of array-with-defaults as the browser does, and stores them', () => {
    const definition = stored.get('array-with-defaults')!;
    const sent = { objectArray: [{ name_noDefault: 'x' }] };
    const result = validateFormData({ definition, data: sent });
    const browserData = structuredClone(sent);
    prepareValidation(definition.schema).ajv!.compile(definition.schema)(browserData);
    expect(browserData.objectArray[0]).toMatchObject({
      name: 'foo1',
      description: 'bar',
      rating: 5,
    });
    expect(result).toEqual({ ok: true, data: browserData });
    // What was sent is left as it was: the defaults went into the copy that is stored.
    expect(sent).toEqual({ objectArray: [{ name_noDefault: 'x' }] });
  });
});
