import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRejected, makeDefinition } from './formTestHelpers';

const withUi = (uischema: unknown) => makeDefinition({ uischema });
const layout = (...elements: unknown[]) => ({ type: 'VerticalLayout', elements });
const control = (scope: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope,
  ...extra,
});

describe('uischema: accepted layouts', () => {
  it('accepts every element type of the closed set, nested', () => {
    const uischema = layout(
      { type: 'Label', text: 'Tell us about you' },
      {
        type: 'HorizontalLayout',
        elements: [control('#/properties/userName', { label: 'User name' })],
      },
      {
        type: 'Group',
        label: 'Address',
        elements: [control('#/properties/address/properties/street', { label: false })],
      },
    );
    expect(expectAccepted(withUi(uischema)).uischema).toEqual(uischema);
  });

  it('accepts options made of primitives and primitive arrays, and i18n key prefixes', () => {
    expectAccepted(
      withUi(
        layout(
          control('#/properties/userName', {
            options: { focus: true, trim: false, rows: 3, hint: null, tags: ['a', 1, true] },
            i18n: 'signup.user',
          }),
        ),
      ),
    );
  });

  it('resolves scopes through local $refs', () => {
    expectAccepted({
      schema: {
        type: 'object',
        definitions: {
          address: { type: 'object', properties: { city: { type: 'string' } } },
        },
        properties: { home: { $ref: '#/definitions/address' } },
      },
      uischema: control('#/properties/home/properties/city'),
    });
  });

  it('accepts escaped property names in scopes', () => {
    expectAccepted({
      schema: { type: 'object', properties: { 'a/b': { type: 'string' } } },
      uischema: control('#/properties/a~1b'),
    });
  });
});

describe('uischema: rejected elements', () => {
  it.each([
    ['unknown type', { type: 'Wizard', elements: [] }, '/uischema/type'],
    ['missing type', { elements: [] }, '/uischema/type'],
    ['prototype-named type', { type: 'toString', elements: [] }, '/uischema/type'],
    ['non-object', 'VerticalLayout', '/uischema'],
  ])('rejects %s', (_, uischema, path) => {
    expectRejected(withUi(uischema), { path });
  });

  it('rejects unknown element types nested in layouts', () => {
    expectRejected(withUi(layout({ type: 'Accordion', scope: '#/properties/userName' })), {
      path: '/uischema/elements/0/type',
    });
  });

  it('rejects unknown keys', () => {
    expectRejected(withUi(layout(control('#/properties/userName', { onClick: 'x' }))), {
      path: '/uischema/elements/0/onClick',
    });
  });

  it('requires an elements array on layouts and groups', () => {
    expectRejected(withUi({ type: 'VerticalLayout' }), { path: '/uischema/elements' });
    expectRejected(withUi({ type: 'HorizontalLayout', elements: {} }), {
      path: '/uischema/elements',
    });
    expectRejected(withUi(layout({ type: 'Group', label: 'G', elements: 'x' })), {
      path: '/uischema/elements/0/elements',
    });
  });

  it('rejects options that are not a flat object of primitives', () => {
    expectRejected(withUi(layout(control('#/properties/userName', { options: [] }))), {
      path: '/uischema/elements/0/options',
    });
    expectRejected(
      withUi(layout(control('#/properties/userName', { options: { nested: { type: 'Label' } } }))),
      { path: '/uischema/elements/0/options/nested' },
    );
    expectRejected(withUi(layout(control('#/properties/userName', { options: { list: [[1]] } }))), {
      path: '/uischema/elements/0/options/list/0',
    });
  });

  it('rejects markup in string options', () => {
    expectRejected(
      withUi(layout(control('#/properties/userName', { options: { hint: '<img src=x>' } }))),
      { path: '/uischema/elements/0/options/hint' },
    );
  });

  it('rejects malformed i18n key prefixes', () => {
    expectRejected(withUi(layout(control('#/properties/userName', { i18n: 'has space' }))), {
      path: '/uischema/elements/0/i18n',
    });
  });
});

describe('uischema: Control scopes', () => {
  it.each([
    ['a non-properties pointer', '#/definitions/x'],
    ['an if step, which JSON Forms binds to the wrong data', '#/if/properties/userName'],
    ['a combinator step at the end', '#/properties/address/anyOf/0'],
    ['a prototype step', '#/properties/__proto__'],
    ['a remote pointer', 'https://evil.example/#/properties/userName'],
    ['a trailing slash', '#/properties/userName/'],
    ['an items step', '#/properties/address/items'],
    ['a non-string', 7],
  ])('rejects %s', (_, scope) => {
    expectRejected(withUi(layout(control(scope))), { path: '/uischema/elements/0/scope' });
  });

  it.each([
    ['an undeclared property', '#/properties/email'],
    ['an undeclared nested property', '#/properties/address/properties/zip'],
    ['a property of a string', '#/properties/userName/properties/first'],
    ['an inherited name', '#/properties/toString'],
  ])('rejects %s', (_, scope) => {
    const fields = expectRejected(withUi(layout(control(scope))), {
      path: '/uischema/elements/0/scope',
    });
    expect(fields[0]?.message).toContain('names no schema object');
  });

  it('requires a scope on Controls', () => {
    expectRejected(withUi(layout({ type: 'Control' })), { path: '/uischema/elements/0/scope' });
  });
});

describe('uischema: labels and texts', () => {
  it('accepts boolean Control labels', () => {
    expectAccepted(withUi(layout(control('#/properties/userName', { label: true }))));
  });

  it.each([
    ['HTML tags', '<b>User</b>'],
    ['closing tags', 'User</div>'],
    ['comments', 'a<!-- x -->'],
    ['over 500 characters', 'x'.repeat(501)],
    ['a number', 7],
  ])('rejects Control labels with %s', (_, label) => {
    expectRejected(withUi(layout(control('#/properties/userName', { label }))), {
      path: '/uischema/elements/0/label',
    });
  });

  it.each([
    ['markup', { text: '<b>User</b>', show: true }, '/text'],
    ['other keys', { text: 'User', html: 'x' }, '/html'],
    ['a non-boolean show', { text: 'User', show: 'yes' }, '/show'],
  ])('rejects {text, show} labels with %s', (_, label, at) => {
    expectRejected(withUi(layout(control('#/properties/userName', { label }))), {
      path: `/uischema/elements/0/label${at}`,
    });
  });

  it('allows a bare less-than sign in text', () => {
    expectAccepted(withUi(layout({ type: 'Label', text: 'Age < 18 needs consent' })));
  });

  it('requires plain text on Label elements', () => {
    expectRejected(withUi(layout({ type: 'Label' })), { path: '/uischema/elements/0/text' });
    expectRejected(withUi(layout({ type: 'Label', text: '<script>x</script>' })), {
      path: '/uischema/elements/0/text',
    });
  });

  it('accepts labels as {text, show} and Groups without a label (an i18n key instead)', () => {
    expectAccepted(
      withUi(
        layout(
          control('#/properties/userName', { label: { text: 'User', show: true } }),
          { type: 'Group', i18n: 'addressGroup', elements: [control('#/properties/address')] },
          { type: 'Group', label: false, elements: [] },
        ),
      ),
    );
  });

  it('requires plain text in Group labels', () => {
    expectRejected(withUi(layout({ type: 'Group', label: '<i>x</i>', elements: [] })), {
      path: '/uischema/elements/0/label',
    });
  });
});

describe('uischema: Categorization and Category', () => {
  const category = (label: unknown, ...elements: unknown[]) => ({
    type: 'Category',
    label,
    elements,
  });

  it('accepts tabs and steppers with nested categories, labels and i18n keys', () => {
    const uischema = {
      type: 'Categorization',
      options: { variant: 'stepper', showNavButtons: true },
      elements: [
        category('Account', control('#/properties/userName')),
        {
          type: 'Category',
          i18n: 'addressCategory',
          elements: [layout(control('#/properties/address'))],
        },
        {
          type: 'Categorization',
          label: 'More',
          elements: [category('Street', control('#/properties/address/properties/street'))],
        },
      ],
    };
    expect(expectAccepted(withUi(uischema)).uischema).toEqual(uischema);
  });

  it('refuses other elements directly in a Categorization, and a Category outside one', () => {
    expectRejected(
      withUi({ type: 'Categorization', elements: [control('#/properties/userName')] }),
      {
        path: '/uischema/elements/0/type',
      },
    );
    expectRejected(withUi(layout(category('Lost', control('#/properties/userName')))), {
      path: '/uischema/elements/0/type',
    });
  });

  it('refuses markup in category labels', () => {
    expectRejected(withUi({ type: 'Categorization', elements: [category('<b>x</b>')] }), {
      path: '/uischema/elements/0/label',
    });
  });
});

describe('uischema: ListWithDetail and options.detail', () => {
  const schema = {
    type: 'object',
    definitions: {
      order: {
        type: 'object',
        properties: { id: { type: 'string' }, lines: { type: 'array', items: { type: 'string' } } },
      },
    },
    properties: {
      orders: { type: 'array', items: { $ref: '#/definitions/order' } },
      tags: { type: 'array', items: { type: 'string' } },
      owner: { type: 'object', properties: { name: { type: 'string' } } },
      title: { type: 'string' },
    },
  };
  const detail = layout(control('#/properties/id'), control('#/properties/lines'));

  it('accepts a ListWithDetail over an array, with a detail relative to its items', () => {
    expectAccepted({
      schema,
      uischema: {
        type: 'ListWithDetail',
        scope: '#/properties/orders',
        options: { detail, labelRef: '#/properties/id' },
      },
    });
  });

  it('accepts detail on array and object Controls, nested, and detail strategies as text', () => {
    expectAccepted({
      schema,
      uischema: layout(
        control('#/properties/orders', {
          options: {
            showSortButtons: true,
            elementLabelProp: 'id',
            detail: layout(
              control('#/properties/lines', { options: { detail: layout(control('#')) } }),
            ),
          },
        }),
        control('#/properties/owner', {
          options: { detail: layout(control('#/properties/name')) },
        }),
        control('#/properties/tags', { options: { detail: 'GENERATED' } }),
      ),
    });
  });

  it('resolves detail scopes against the items, not the root', () => {
    expectRejected(
      {
        schema,
        uischema: control('#/properties/orders', {
          options: { detail: layout(control('#/properties/title')) },
        }),
      },
      { path: '/uischema/options/detail/elements/0/scope' },
    );
  });

  it('validates a detail like elements: types, labels, rules', () => {
    const inDetail = (element: unknown) => ({
      schema,
      uischema: control('#/properties/orders', { options: { detail: layout(element) } }),
    });
    expectRejected(inDetail({ type: 'Script' }), {
      path: '/uischema/options/detail/elements/0/type',
    });
    expectRejected(inDetail({ type: 'Label', text: '<img src=x onerror=alert(1)>' }), {
      path: '/uischema/options/detail/elements/0/text',
    });
    expectRejected(
      inDetail(
        control('#/properties/id', {
          rule: {
            effect: 'HIDE',
            condition: { scope: '#/properties/id', schema: { pattern: '(a+)+\\1' } },
          },
        }),
      ),
      { path: '/uischema/options/detail/elements/0/rule/condition/schema/pattern' },
    );
  });

  it('refuses a detail object where no control lays it out', () => {
    expectRejected(
      withUi({ type: 'VerticalLayout', options: { detail: { html: '<b>x</b>' } }, elements: [] }),
      { path: '/uischema/options/detail' },
    );
  });

  it('refuses a ListWithDetail over something that is not an array', () => {
    expectRejected(
      { schema, uischema: { type: 'ListWithDetail', scope: '#/properties/owner' } },
      {
        path: '/uischema/scope',
      },
    );
  });

  it('keeps the depth cap for details nested in details', () => {
    let element: Record<string, unknown> = control('#');
    for (let i = 0; i < 10; i++) element = control('#', { options: { detail: element } });
    expectRejected({ schema: { type: 'object', properties: {} }, uischema: element });
  });
});

describe('uischema: scopes JSON Forms resolves', () => {
  const schema = {
    type: 'object',
    $defs: { city: { type: 'string' } },
    definitions: { address: { type: 'object', properties: { city: { $ref: '#/$defs/city' } } } },
    properties: { home: { $ref: '#/definitions/address' }, kind: { type: 'string' } },
    allOf: [{ properties: { fromAllOf: { type: 'string' } } }],
    anyOf: [
      {
        if: { properties: { kind: { const: 'a' } } },
        // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword
        then: { properties: { lastName: { type: 'string' } } },
      },
    ],
  };

  it.each([
    ['the root', '#'],
    ['the root with a slash', '#/'],
    ['a $ref to definitions and $defs', '#/properties/home/properties/city'],
    ['a property found through allOf', '#/properties/fromAllOf'],
    ['an explicit combinator path', '#/anyOf/0/then/properties/lastName'],
    ['a scope without the leading #', '/properties/kind'],
  ])('accepts %s', (_, scope) => {
    expectAccepted({ schema, uischema: control(scope) });
  });

  it('refuses a property whose name JSON Forms would read as nesting', () => {
    expectRejected(
      {
        schema: { type: 'object', properties: { 'a.b': { type: 'string' } } },
        uischema: control('#/properties/a.b'),
      },
      { path: '/uischema/scope' },
    );
  });
});

describe('uischema: rules', () => {
  const ruled = (rule: unknown) => withUi(layout(control('#/properties/userName', { rule })));
  const on = (schema: unknown, extra: Record<string, unknown> = {}) => ({
    scope: '#/properties/userName',
    schema,
    ...extra,
  });

  it.each(['SHOW', 'HIDE', 'ENABLE', 'DISABLE', 'READONLY', 'WRITABLE'])(
    'accepts effect %s',
    (effect) => {
      expectAccepted(ruled({ effect, condition: on({ const: 'ada' }) }));
    },
  );

  it('accepts rules on every element type, and every condition kind', () => {
    const condition = {
      type: 'OR',
      conditions: [
        on({ minLength: 3, pattern: '^[a-z]+$' }, { failWhenUndefined: true }),
        { type: 'LEAF', scope: '#/properties/address/properties/street', expectedValue: 'Main' },
        { type: 'AND', conditions: [on(true), on({ not: { const: '' } })] },
      ],
    };
    const rule = { effect: 'SHOW', condition };
    expectAccepted(
      withUi({
        type: 'VerticalLayout',
        rule,
        elements: [
          { type: 'Group', label: 'G', rule, elements: [] },
          { type: 'Label', text: 'L', rule },
          {
            type: 'HorizontalLayout',
            rule,
            elements: [control('#/properties/userName', { rule })],
          },
          {
            type: 'Categorization',
            rule,
            elements: [{ type: 'Category', label: 'C', rule, elements: [] }],
          },
        ],
      }),
    );
  });

  it.each([
    ['an unknown effect', { effect: 'EXPLODE', condition: { scope: '#', schema: {} } }, '/effect'],
    [
      'unknown rule keys',
      { effect: 'SHOW', condition: { scope: '#', schema: {} }, when: 1 },
      '/when',
    ],
    [
      'a condition with only a scope (a validate function lost in JSON)',
      { effect: 'SHOW', condition: { scope: '#' } },
      '/condition',
    ],
    [
      'an unknown condition type',
      { effect: 'SHOW', condition: { type: 'XOR', conditions: [] } },
      '/condition',
    ],
    [
      'an empty OR',
      { effect: 'SHOW', condition: { type: 'OR', conditions: [] } },
      '/condition/conditions',
    ],
    [
      'a scope that names nothing',
      { effect: 'SHOW', condition: { scope: '#/properties/nope', schema: {} } },
      '/condition/scope',
    ],
    [
      'a LEAF without a primitive expectedValue',
      { effect: 'SHOW', condition: { type: 'LEAF', scope: '#', expectedValue: {} } },
      '/condition/expectedValue',
    ],
    [
      'a non-boolean failWhenUndefined',
      { effect: 'SHOW', condition: { scope: '#', schema: {}, failWhenUndefined: 'yes' } },
      '/condition/failWhenUndefined',
    ],
    [
      'a condition schema that is not a schema',
      { effect: 'SHOW', condition: { scope: '#', schema: 'x' } },
      '/condition/schema',
    ],
    [
      'a condition schema the meta-schema refuses',
      { effect: 'SHOW', condition: { scope: '#', schema: { type: 'text' } } },
      '/condition/schema/type',
    ],
  ])('refuses %s', (_, rule, at) => {
    expectRejected(ruled(rule), { path: `/uischema/elements/0/rule${at}` });
  });

  it('holds condition schemas to the safety rules of the form schema', () => {
    const path = '/uischema/elements/0/rule/condition/conditions/0/schema';
    const nested = (schema: unknown) => ({
      effect: 'HIDE',
      condition: { type: 'AND', conditions: [on(schema)] },
    });
    expectRejected(ruled(nested({ $ref: 'https://evil.example/schema.json' })), {
      path: `${path}/$ref`,
    });
    expectRejected(ruled(nested({ maxLength: { $data: '1/limit' } })), {
      path: `${path}/maxLength/$data`,
    });
    expectRejected(ruled(nested({ $id: 'https://evil.example/x' })), { path: `${path}/$id` });
    expectRejected(ruled(nested({ $async: true })), { path: `${path}/$async` });
    // A backreference: a pattern only a backtracking engine runs, refused rather than run.
    expectRejected(ruled(nested({ pattern: '^(a+)+\\1$' })), { path: `${path}/pattern` });
    // Six definitions, each applying the next six times: 6⁶ checks of one value.
    const definitions: Record<string, unknown> = { d6: { type: 'string' } };
    for (let i = 0; i < 6; i++) {
      definitions[`d${i}`] = {
        allOf: Array.from({ length: 6 }, () => ({ $ref: `#/definitions/d${i + 1}` })),
      };
    }
    const laugh = { definitions, $ref: '#/definitions/d0' };
    expectRejected(ruled(nested(laugh)), { path });
  });

  it('keeps a linear pattern in a condition, and stores the condition without $schema', () => {
    const value = expectAccepted(
      ruled({
        effect: 'SHOW',
        condition: on({ $schema: 'http://json-schema.org/draft-04/schema#', pattern: '^(a+)+$' }),
      }),
    );
    expect(JSON.stringify(value.uischema)).not.toContain('$schema');
  });

  it('refuses HTML in the texts of ruled elements as anywhere', () => {
    expectRejected(
      withUi(
        layout({
          type: 'Label',
          text: '<script>x</script>',
          rule: { effect: 'SHOW', condition: on({}) },
        }),
      ),
      { path: '/uischema/elements/0/text' },
    );
  });
});
