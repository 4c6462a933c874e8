import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../../forms/createFormAjv';
import { FormError } from '../../forms/FormError';
import { validateFormDefinition } from '../../forms/validateFormDefinition';
import { expectAccepted, expectRejected, makeDefinition, withSchema } from './formTestHelpers';

function nest(depth: number): unknown {
  let node: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) node = { nested: node };
  return node;
}

describe('validateFormDefinition: accepted uploads', () => {
  it('returns a normalised, detached copy', () => {
    const definition = makeDefinition({ description: 'Sign-up form' });
    const value = expectAccepted(definition);
    expect(value.schema).toEqual(definition.schema);
    expect(value.schema).not.toBe(definition.schema);
    expect(value.description).toBe('Sign-up form');
    expect(value.i18n).toBeUndefined();
  });

  it('accepts the draft-07 meta URI, local refs and plain-name $id', () => {
    expectAccepted(
      withSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: '#root',
        type: 'object',
        definitions: { name: { type: 'string' } },
        properties: { first: { $ref: '#/definitions/name' } },
      }),
    );
  });

  it('accepts an object schema with no properties', () => {
    expectAccepted(withSchema({ type: 'object', properties: {}, additionalProperties: false }));
  });

  it('accepts formats from ajv-formats', () => {
    expectAccepted(
      withSchema({ type: 'object', properties: { mail: { type: 'string', format: 'email' } } }),
    );
  });

  it('never throws, even for unserialisable input', () => {
    const result = validateFormDefinition({ definition: { schema: 10n } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(FormError);
  });
});

describe('validateFormDefinition: size and depth caps', () => {
  it('rejects definitions over maxBytes with FORM_TOO_LARGE', () => {
    const definition = makeDefinition({ description: 'x'.repeat(900) });
    expect(validateFormDefinition({ definition, maxBytes: 2048 }).ok).toBe(true);
    const result = validateFormDefinition({ definition, maxBytes: 512 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FORM_TOO_LARGE');
    expect(result.error.details).toMatchObject({ maxBytes: 512 });
  });

  it('applies the 64 KiB default', () => {
    const enumValues = Array.from({ length: 8000 }, (_, index) => `value-${index}`);
    const definition = withSchema({
      type: 'object',
      properties: { pick: { type: 'string', enum: enumValues } },
    });
    expectRejected(definition, { code: 'FORM_TOO_LARGE' });
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    const definition = makeDefinition({ description: 'ü'.repeat(400) });
    const size = JSON.stringify(definition).length;
    expect(validateFormDefinition({ definition, maxBytes: size + 10 }).ok).toBe(false);
  });

  it('rejects nesting deeper than maxDepth with FORM_INVALID', () => {
    const schema = { type: 'object', properties: {}, definitions: nest(20) };
    expectRejected(withSchema(schema), { code: 'FORM_INVALID', path: '' });
    const shallow = { type: 'object', properties: {}, definitions: nest(3) };
    expect(validateFormDefinition({ definition: withSchema(shallow), maxDepth: 4 }).ok).toBe(false);
    expect(validateFormDefinition({ definition: withSchema(shallow), maxDepth: 6 }).ok).toBe(true);
  });

  it('survives cyclic input', () => {
    const schema: Record<string, unknown> = { type: 'object', properties: {} };
    schema.self = schema;
    expectRejected(withSchema(schema), { code: 'FORM_INVALID' });
  });
});

describe('validateFormDefinition: top level', () => {
  it.each([
    ['an array', []],
    ['a string', 'form'],
    ['null', null],
  ])('rejects %s', (_, definition) => {
    expectRejected(definition, { path: '' });
  });

  it('rejects unknown top-level keys', () => {
    expectRejected(makeDefinition({ rules: [] }), { path: '/rules' });
  });

  it('rejects a description that is too long or contains markup', () => {
    expectAccepted(makeDefinition({ description: 'd'.repeat(1000) }));
    expectRejected(makeDefinition({ description: 'd'.repeat(1001) }), { path: '/description' });
    expectRejected(makeDefinition({ description: 'see <a href="x">here</a>' }), {
      path: '/description',
    });
    expectRejected(makeDefinition({ description: 42 }), { path: '/description' });
  });
});

describe('validateFormDefinition: schema shape', () => {
  it('requires a schema, and says why', () => {
    const [issue] = expectRejected({ description: 'no schema' }, { path: '/schema' });
    expect(issue?.message).toMatch(/validates every submission against it/);
  });

  it('requires the root to describe an object, and says why', () => {
    for (const type of ['string', 'array', ['string', 'null']]) {
      const [issue] = expectRejected(withSchema({ type, properties: {} }), {
        path: '/schema/type',
      });
      expect(issue?.message).toMatch(/data is always an object/);
    }
  });

  it('accepts a root whose type is absent or a list that includes "object"', () => {
    expectAccepted(withSchema({ properties: { a: { type: 'string' } } }));
    expectAccepted(withSchema({ type: ['object', 'null'], properties: {} }));
  });

  it('accepts a root without properties, but not malformed ones', () => {
    expectAccepted(withSchema({ type: 'object' }));
    expectAccepted(
      withSchema({ type: 'object', allOf: [{ properties: { a: { type: 'string' } } }] }),
    );
    expectRejected(withSchema({ type: 'object', properties: [] }), { path: '/schema/properties' });
  });
});

describe('validateFormDefinition: ajv non-strict compilation, as JSON Forms runs it', () => {
  it('ignores unknown keywords and formats, as ajv with strict: false does', () => {
    expectAccepted(
      withSchema({ type: 'object', properties: { a: { type: 'string', colour: 'red' } } }),
    );
    expectAccepted(
      withSchema({ type: 'object', properties: { a: { type: 'string', format: 'shoe-size' } } }),
    );
  });

  it('accepts union types, required of a sub-schema, keywords without a type, if/then/else', () => {
    expectAccepted(
      withSchema({
        type: 'object',
        properties: { a: { type: ['string', 'number'] }, b: { minLength: 2 }, c: {} },
        required: ['fromAllOf'],
        allOf: [{ properties: { fromAllOf: { type: 'string' } } }],
        if: { properties: { a: { const: 'x' } } },
        // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword
        then: { required: ['c'] },
        else: { required: ['b'] },
      }),
    );
  });

  it('rejects schemas that violate the draft-07 meta-schema, with a path', () => {
    const fields = expectRejected(
      withSchema({ type: 'object', properties: { a: { type: 'text' } } }),
    );
    expect(fields.some((field) => field.path.startsWith('/schema/properties/a/type'))).toBe(true);
  });

  it('rejects invalid regular expressions', () => {
    expectRejected(
      withSchema({ type: 'object', properties: { a: { type: 'string', pattern: '([a-z' } } }),
      { path: '/schema/properties/a/pattern' },
    );
  });

  it('rejects local refs that do not resolve', () => {
    expectRejected(
      withSchema({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }),
      { path: '/schema' },
    );
  });

  it('compiles a recursion through the root ($ref "#")', () => {
    expectAccepted(withSchema({ type: 'object', properties: { child: { $ref: '#' } } }));
  });

  it('never enables the $data option, and fills defaults', () => {
    expect(createFormAjv().opts.$data).toBe(false);
    expect(createFormAjv().opts.useDefaults).toBe(true);
    expect(createFormAjv().opts.strict).toBe(false);
  });
});

describe('validateFormDefinition: $schema and $id', () => {
  it.each([
    'http://json-schema.org/schema#',
    'http://json-schema.org/draft-04/schema#',
    'http://json-schema.org/draft-06/schema#',
    'http://json-schema.org/draft-07/schema',
    'https://json-schema.org/draft/2019-09/schema',
    'https://json-schema.org/draft/2020-12/schema',
  ])('accepts $schema %s and stores the schema without it', ($schema) => {
    const value = expectAccepted(
      withSchema({
        $schema,
        type: 'object',
        $defs: { name: { type: 'string' } },
        properties: { a: { $ref: '#/$defs/name', $schema } },
      }),
    );
    expect(JSON.stringify(value.schema)).not.toContain('$schema');
  });

  it('refuses a $schema that names no JSON Schema draft', () => {
    expectRejected(withSchema({ $schema: 'https://evil.example/meta', type: 'object' }), {
      path: '/schema/$schema',
    });
    expectRejected(
      withSchema({
        type: 'object',
        properties: { a: { type: 'string', $schema: 'https://evil.example/meta' } },
      }),
      { path: '/schema/properties/a/$schema' },
    );
  });

  it('accepts a root $id naming the schema and drops it (it changes no local $ref)', () => {
    const value = expectAccepted(
      withSchema({
        $id: 'https://example.com/person.schema.json',
        type: 'object',
        definitions: { name: { type: 'string' } },
        properties: { a: { $ref: '#/definitions/name' } },
      }),
    );
    expect(value.schema.$id).toBeUndefined();
  });

  it('treats properties named $id, $ref, $schema, $data as data, not keywords', () => {
    const value = expectAccepted(
      withSchema({
        type: 'object',
        properties: {
          $id: { type: 'string', format: 'uri-reference' },
          $ref: { type: 'string' },
          $schema: { type: 'string' },
          $data: { type: 'string' },
        },
        required: ['$ref'],
        default: { $ref: 'https://example.com/not-a-reference' },
      }),
    );
    expect(Object.keys(value.schema.properties ?? {})).toEqual(['$id', '$ref', '$schema', '$data']);
  });
});

describe('validateFormDefinition: references and meta keywords', () => {
  const schemaWith = (extra: Record<string, unknown>) =>
    withSchema({ type: 'object', properties: { a: { type: 'string', ...extra } } });

  it.each([
    ['remote', 'https://evil.example/schema.json'],
    ['relative', 'other.json#/definitions/x'],
    ['protocol-relative', '//evil.example/x'],
    ['plain-name fragment', '#name'],
  ])('rejects a %s $ref', (_, ref) => {
    expectRejected(withSchema({ type: 'object', properties: { a: { $ref: ref } } }), {
      path: '/schema/properties/a/$ref',
    });
  });

  it('rejects a remote $ref inside an unknown keyword, which ajv would ignore', () => {
    expectRejected(schemaWith({ 'x-extension': { nested: { $ref: 'https://evil.example/' } } }), {
      path: '/schema/properties/a/x-extension/nested/$ref',
    });
  });

  it('rejects $data anywhere', () => {
    expectRejected(schemaWith({ maxLength: { $data: '1/limit' } }), {
      path: '/schema/properties/a/maxLength/$data',
    });
    expectRejected(withSchema({ type: 'object', properties: {}, $data: true }), {
      path: '/schema/$data',
    });
  });

  it('rejects $async, which would make validation return a promise that reads as valid', () => {
    expectRejected(withSchema({ $async: true, type: 'object', properties: {} }), {
      path: '/schema/$async',
    });
  });

  it('rejects remote or relative $id below the root, and a relative one at the root', () => {
    expectRejected(schemaWith({ $id: 'https://evil.example/a' }), {
      path: '/schema/properties/a/$id',
    });
    expectRejected(withSchema({ $id: 'forms/a.json', type: 'object', properties: {} }), {
      path: '/schema/$id',
    });
  });
});

describe('validateFormDefinition: forbidden keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('rejects "%s" in the schema', (key) => {
    const definition = JSON.parse(
      `{"schema": {"type": "object", "properties": {"${key}": {"type": "string"}}}}`,
    );
    expectRejected(definition, { path: `/schema/properties/${key}` });
  });

  it('rejects __proto__ in the uischema', () => {
    const definition = makeDefinition({
      uischema: JSON.parse(
        '{"type": "VerticalLayout", "elements": [], "__proto__": {"polluted": true}}',
      ),
    });
    expectRejected(definition, { path: '/uischema/__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects constructor in i18n bundles and at the top level', () => {
    expectRejected(makeDefinition({ i18n: { en: { constructor: 'x' } } }), {
      path: '/i18n/en/constructor',
    });
    expectRejected(JSON.parse('{"schema": {}, "__proto__": {}}'), { path: '/__proto__' });
  });
});
