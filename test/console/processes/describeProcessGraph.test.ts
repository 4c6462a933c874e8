// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the process definition's expression syntax, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { describeProcessGraph } from '../../../console/sections/processes/describeProcessGraph';
import { issuesByNode } from '../../../console/sections/processes/issuesByNode';
import { withFormVersion } from '../../../console/sections/processes/withFormVersion';
import builtin from '../../../runtime/definition/builtin/passkey-registration.json';

describe('describeProcessGraph', () => {
  it('reads next, branches with their when, and boundary events of the built-in process', () => {
    const graph = describeProcessGraph(builtin);
    expect(graph.start).toBe('start');
    expect(graph.nodes.find((n) => n.id === 'regForm')).toMatchObject({
      type: 'passkeyRegistrationForm',
      label: 'Register a passkey',
      formName: 'passkey-registration',
    });
    expect(graph.edges.filter((e) => e.from === 'regForm')).toEqual([
      { id: 'regForm:next', from: 'regForm', to: 'complete', kind: 'next' },
      {
        id: 'regForm:on:userCancelled',
        from: 'regForm',
        to: 'retry',
        kind: 'event',
        label: 'userCancelled',
      },
      { id: 'regForm:on:timeout', from: 'regForm', to: 'retry', kind: 'event', label: 'timeout' },
    ]);
  });

  it('labels branches and adds a missing node for a target nobody has', () => {
    const graph = describeProcessGraph({
      start: 's',
      nodes: { s: { type: 'start', next: [{ when: '${x}', to: 'a' }, { to: 'gone' }] }, a: {} },
    });
    expect(graph.edges.map((e) => [e.kind, e.label, e.to])).toEqual([
      ['branch', '${x}', 'a'],
      ['branch', 'otherwise', 'gone'],
    ]);
    expect(graph.nodes.map((n) => [n.id, n.type])).toEqual([
      ['s', 'start'],
      ['a', '(no type)'],
      ['gone', 'missing'],
    ]);
  });

  it('draws nothing for what is not a definition', () => {
    expect(describeProcessGraph([1])).toEqual({ nodes: [], edges: [] });
    expect(describeProcessGraph({ nodes: 'x' })).toEqual({ nodes: [], edges: [] });
  });
});

describe('issuesByNode', () => {
  it('groups errors by the node their pointer enters, unescaping RFC 6901', () => {
    const { byNode, general } = issuesByNode([
      { path: '/nodes/decide/next', message: 'm1' },
      { path: '/nodes/a~1b/on/x', message: 'm2' },
      { path: '/name', message: 'm3' },
      { path: '', message: 'm4' },
    ]);
    expect([...byNode.keys()]).toEqual(['decide', 'a/b']);
    expect(general.map((g) => g.message)).toEqual(['m3', 'm4']);
  });
});

describe('withFormVersion', () => {
  it('pins and unpins the form version of one node, leaving the rest as written', () => {
    const pinned = withFormVersion(builtin, 'regForm', 2) as typeof builtin;
    expect(pinned.nodes.regForm.inputs).toEqual({
      ...builtin.nodes.regForm.inputs,
      formVersion: 2,
    });
    expect(pinned.nodes.retry).toBe(builtin.nodes.retry);
    const latest = withFormVersion(pinned, 'regForm', undefined) as typeof builtin;
    expect(latest.nodes.regForm.inputs).toEqual(builtin.nodes.regForm.inputs);
  });
});
