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
    ['unknown type', { type: 'Categorization', elements: [] }, '/uischema/type'],
    ['missing type', { elements: [] }, '/uischema/type'],
    ['prototype-named type', { type: 'toString', elements: [] }, '/uischema/type'],
    ['non-object', 'VerticalLayout', '/uischema'],
  ])('rejects %s', (_, uischema, path) => {
    expectRejected(withUi(uischema), { path });
  });

  it('rejects unknown element types nested in layouts', () => {
    expectRejected(withUi(layout({ type: 'ListWithDetail', scope: '#/properties/userName' })), {
      path: '/uischema/elements/0/type',
    });
  });

  it('rejects unknown keys such as rule', () => {
    const rule = { effect: 'HIDE', condition: { scope: '#', schema: {} } };
    expectRejected(withUi(layout(control('#/properties/userName', { rule }))), {
      path: '/uischema/elements/0/rule',
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
      withUi(layout(control('#/properties/userName', { options: { detail: { type: 'Label' } } }))),
      { path: '/uischema/elements/0/options/detail' },
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
    ['the root', '#'],
    ['a non-properties pointer', '#/definitions/x'],
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
    expect(fields[0]?.message).toContain('names no property');
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
    ['an object', { text: 'User', show: true }],
  ])('rejects Control labels with %s', (_, label) => {
    expectRejected(withUi(layout(control('#/properties/userName', { label }))), {
      path: '/uischema/elements/0/label',
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

  it('requires a plain-text label on Groups', () => {
    expectRejected(withUi(layout({ type: 'Group', elements: [] })), {
      path: '/uischema/elements/0/label',
    });
    expectRejected(withUi(layout({ type: 'Group', label: false, elements: [] })), {
      path: '/uischema/elements/0/label',
    });
  });
});
