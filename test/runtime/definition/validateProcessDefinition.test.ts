// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${...}" is the template syntax under test, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import registration from '../../../runtime/definition/builtin/passkey-registration.json' with {
  type: 'json',
};
import type { ProcessDefinitionIssue } from '../../../runtime/definition/ProcessDefinitionIssue';
import { validateProcessDefinition } from '../../../runtime/definition/validateProcessDefinition';

type Json = Record<string, unknown>;
type Nodes = Record<string, Json>;

/** A fresh, mutable copy of the built-in definition: valid, and every rule can be broken in it. */
function makeDefinition(): Json & { nodes: Nodes } {
  return structuredClone(registration) as Json & { nodes: Nodes };
}

/** A small valid definition with an automatic decider in the middle. */
function makeLinear(): Json & { nodes: Nodes } {
  return {
    name: 'linear',
    start: 'start',
    nodes: {
      start: { type: 'start', next: 'decider' },
      decider: { type: 'simpleDecider', next: 'end' },
      end: { type: 'end' },
    },
  };
}

function errorsOf(
  definition: unknown,
  options: { maxBytes?: number; maxNodes?: number; maxDepth?: number } = {},
): ProcessDefinitionIssue[] {
  const result = validateProcessDefinition({ definition, ...options });
  return result.ok ? [] : result.errors;
}

function pathsOf(definition: unknown, options = {}): string[] {
  return errorsOf(definition, options).map((error) => error.path);
}

describe('validateProcessDefinition: accepted definitions', () => {
  it('accepts the built-in definition and returns a detached copy', () => {
    const definition = makeDefinition();
    const result = validateProcessDefinition({ definition });
    expect(result.ok ? undefined : result.errors).toBeUndefined();
    if (!result.ok) return;
    expect(result.value).toEqual(definition);
    expect(result.value).not.toBe(definition);
    expect(result.value.nodes.startReg).not.toBe(definition.nodes.startReg);
  });

  it('accepts a loop that passes through a user step (retry → regForm)', () => {
    // The built-in already loops regForm → retry → regForm; make it explicit.
    const definition = makeDefinition();
    expect(definition.nodes.retry?.next).toBe('regForm');
    expect(definition.nodes.regForm?.on).toMatchObject({ userCancelled: 'retry' });
    expect(errorsOf(definition)).toEqual([]);
  });

  it('accepts guarded branches with a default last, and whole-string expressions for any type', () => {
    const definition = makeDefinition();
    definition.nodes.decide = {
      type: 'simpleDecider',
      inputs: { decisionOnAnyFailure: '${_parameters.strict}' },
      next: [{ when: "${_decision == 'PASS'}", to: 'end' }, { to: 'retry' }],
    };
    definition.nodes.retry!.inputs = {
      formName: '${_parameters.retryForm}',
      maxAttempts: '${_parameters.tries}',
    };
    expect(errorsOf(definition)).toEqual([]);
  });

  it('accepts a custom page with constants and an end node with no inputs', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = 'page';
    definition.nodes.page = {
      type: 'customPage',
      inputs: {
        pageName: 'welcome.v2',
        pageVersion: 2,
        constants: { title: 'Hi ${_parameters.name}', n: 1 },
      },
      next: 'end',
    };
    expect(errorsOf(definition)).toEqual([]);
  });

  it('never throws, even for unserialisable or non-object input', () => {
    for (const definition of [undefined, null, 42, 'x', [], { name: 10n }]) {
      expect(validateProcessDefinition({ definition }).ok).toBe(false);
    }
    expect(pathsOf([])).toEqual(['']);
  });
});

describe('validateProcessDefinition: shape', () => {
  it('rejects a bad or missing name', () => {
    expect(pathsOf({ ...makeDefinition(), name: '-bad' })).toEqual(['/name']);
    expect(pathsOf({ ...makeDefinition(), name: 'a'.repeat(65) })).toEqual(['/name']);
    const { name: _, ...nameless } = makeDefinition();
    expect(pathsOf(nameless)).toEqual(['/name']);
  });

  it('rejects a description over 1000 characters or with markup', () => {
    expect(pathsOf({ ...makeDefinition(), description: 'x'.repeat(1000) })).toEqual([]);
    expect(pathsOf({ ...makeDefinition(), description: 'x'.repeat(1001) })).toEqual([
      '/description',
    ]);
    expect(pathsOf({ ...makeDefinition(), description: '<b>hi</b>' })).toEqual(['/description']);
  });

  it('rejects unknown top-level keys', () => {
    expect(pathsOf({ ...makeDefinition(), version: 1 })).toEqual(['/version']);
  });

  it('rejects a missing or non-string start', () => {
    const { start: _, ...startless } = makeDefinition();
    expect(pathsOf(startless)).toEqual(['/start']);
    expect(pathsOf({ ...makeDefinition(), start: 3 })).toEqual(['/start']);
  });

  it('rejects missing, empty and too many nodes', () => {
    expect(pathsOf({ ...makeDefinition(), nodes: undefined })).toEqual(['/nodes']);
    expect(pathsOf({ ...makeDefinition(), nodes: [] })).toEqual(['/nodes']);
    expect(pathsOf({ ...makeDefinition(), nodes: {} })).toEqual(['/nodes']);
    expect(pathsOf(makeDefinition(), { maxNodes: 7 })).toEqual([]);
    expect(pathsOf(makeDefinition(), { maxNodes: 6 })).toEqual(['/nodes']);
  });

  it('rejects node ids that are not identifier-like', () => {
    const definition = makeLinear();
    definition.nodes['9lives'] = { type: 'end' };
    definition.nodes.decider!.next = [{ when: '${x}', to: '9lives' }, { to: 'end' }];
    expect(pathsOf(definition)).toEqual(['/nodes/9lives']);
  });

  it('rejects definitions over maxBytes', () => {
    const definition = { ...makeDefinition(), description: 'x'.repeat(900) };
    expect(pathsOf(definition, { maxBytes: 4096 })).toEqual([]);
    const errors = errorsOf(definition, { maxBytes: 1024 });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/expected at most 1024/);
  });

  it('rejects nesting deeper than maxDepth, without walking hostile depth', () => {
    const nest = (levels: number) => {
      let deep: unknown = 'leaf';
      for (let level = 0; level < levels; level++) deep = { deep };
      return deep;
    };
    const definition = makeLinear();
    definition.nodes.decider!.inputs = { deriveDecisionFrom: nest(20) };
    expect(pathsOf(definition)).toEqual([]);
    definition.nodes.decider!.inputs = { deriveDecisionFrom: nest(40) };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['']);
    expect(errors[0]?.message).toMatch(/nesting deeper than 32/);
    definition.nodes.decider!.inputs = { deriveDecisionFrom: nest(100_000) };
    expect(pathsOf(definition, { maxBytes: 10 * 1024 * 1024 })).toEqual(['']);
  });

  it('rejects __proto__, constructor and prototype keys anywhere', () => {
    const definition = JSON.parse(
      JSON.stringify(makeLinear()).replace(
        '"type":"simpleDecider"',
        '"type":"simpleDecider","inputs":{"deriveDecisionFrom":{"__proto__":{"x":1}}}',
      ),
    );
    expect(pathsOf(definition)).toEqual(['/nodes/decider/inputs/deriveDecisionFrom/__proto__']);
    const withConstructor = makeLinear();
    // A plain assignment would hit Object.prototype.constructor in the type checker.
    Object.defineProperty(withConstructor.nodes, 'constructor', {
      value: { type: 'end' },
      enumerable: true,
    });
    withConstructor.nodes.decider!.next = [{ when: '${x}', to: 'constructor' }, { to: 'end' }];
    expect(pathsOf(withConstructor)).toEqual(['/nodes/constructor']);
    expect(pathsOf({ ...makeLinear(), prototype: {} })).toEqual(['/prototype']);
  });
});

describe('validateProcessDefinition: nodes', () => {
  it('rejects unknown node types', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.type = 'webhook';
    expect(pathsOf(definition)).toEqual(['/nodes/decide/type']);
  });

  it('rejects a node that is not an object', () => {
    const definition = makeDefinition();
    definition.nodes.decide = 'simpleDecider' as unknown as Json;
    expect(pathsOf(definition)).toEqual(['/nodes/decide']);
  });

  it('rejects unknown node keys', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.timeout = 5;
    expect(pathsOf(definition)).toEqual(['/nodes/decide/timeout']);
  });

  it('rejects labels over 100 characters or with markup', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.label = 'x'.repeat(101);
    definition.nodes.end!.label = '<script>alert(1)</script>';
    expect(pathsOf(definition)).toEqual(['/nodes/decide/label', '/nodes/end/label']);
  });

  it('rejects unknown inputs, naming the allowed ones', () => {
    const definition = makeDefinition();
    definition.nodes.regForm!.inputs = { formName: 'passkey-registration', formname: 'x' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/regForm/inputs/formname']);
    expect(errors[0]?.message).toMatch(/expected only formName, formVersion/);
  });

  it('rejects missing required inputs, with or without an inputs object', () => {
    const definition = makeDefinition();
    definition.nodes.regForm!.inputs = { formDataKey: 'registration' };
    delete definition.nodes.retry!.inputs;
    expect(pathsOf(definition)).toEqual([
      '/nodes/regForm/inputs/formName',
      '/nodes/retry/inputs/formName',
    ]);
  });

  it('rejects inputs that are not an object', () => {
    const definition = makeDefinition();
    definition.nodes.complete!.inputs = ['passkeyReg1'];
    expect(pathsOf(definition)).toEqual(['/nodes/complete/inputs']);
  });
});

describe('validateProcessDefinition: input value types', () => {
  it.each([
    ['startReg', 'createUser', 'yes'],
    ['regForm', 'hideButtons', 1],
    ['retry', 'readonly', 'false'],
    ['complete', 'failCheckOnCancel', null],
    ['decide', 'decisionOnAnyFailure', '${a} '],
    ['regForm', 'delaySeconds', -1],
    ['regForm', 'delaySeconds', 1.5],
    ['regForm', 'timeoutSeconds', 0],
    ['regForm', 'timeoutSeconds', 3601],
    ['retry', 'maxAttempts', 0],
    ['retry', 'maxAttempts', 21],
    ['retry', 'formVersion', 0],
    ['regForm', 'formVersion', '1'],
    ['regForm', 'formName', 'bad name'],
    ['regForm', 'formName', 7],
    ['regForm', 'formDataKey', 7],
    ['startReg', 'relyingPartyId', { id: 'x' }],
    ['startReg', 'userName', true],
    ['end', 'message', '<b>done</b>'],
    ['end', 'redirectUrl', 1],
  ])('rejects %s.%s = %j', (node, input, value) => {
    const definition = makeDefinition();
    definition.nodes[node]!.inputs = {
      ...(definition.nodes[node]!.inputs as Json),
      [input]: value,
    };
    expect(pathsOf(definition)).toEqual([`/nodes/${node}/inputs/${input}`]);
  });

  it.each([
    ['regForm', 'delaySeconds', 0],
    ['regForm', 'timeoutSeconds', 3600],
    ['retry', 'maxAttempts', 20],
    ['regForm', 'formVersion', 1],
    ['regForm', 'hideButtons', '${_parameters.hide}'],
    ['retry', 'maxAttempts', '${_parameters.tries}'],
  ])('accepts %s.%s = %j', (node, input, value) => {
    const definition = makeDefinition();
    definition.nodes[node]!.inputs = {
      ...(definition.nodes[node]!.inputs as Json),
      [input]: value,
    };
    expect(pathsOf(definition)).toEqual([]);
  });

  it('rejects constants that are not an object of plain names, or pageVersion below 1', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = 'page';
    definition.nodes.page = {
      type: 'customPage',
      inputs: { pageName: 'welcome', pageVersion: 0, constants: { 'bad name': 1 } },
      next: 'end',
    };
    expect(pathsOf(definition)).toEqual([
      '/nodes/page/inputs/pageVersion',
      '/nodes/page/inputs/constants/bad name',
    ]);
    definition.nodes.page.inputs = { pageName: 'welcome', constants: ['a'] };
    expect(pathsOf(definition)).toEqual(['/nodes/page/inputs/constants']);
  });

  it('rejects every ${...} that does not parse, with its path', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = 'page';
    definition.nodes.page = {
      type: 'customPage',
      inputs: {
        pageName: 'welcome',
        pageKey: 'Hi ${a.b()}',
        constants: { list: ['${x', '${a.__proto__}'] },
      },
      next: 'end',
    };
    expect(pathsOf(definition)).toEqual([
      '/nodes/page/inputs/pageKey',
      '/nodes/page/inputs/constants/list/0',
      '/nodes/page/inputs/constants/list/1',
    ]);
  });
});

describe('validateProcessDefinition: routing', () => {
  it('requires start to name the start node', () => {
    expect(pathsOf({ ...makeDefinition(), start: 'nowhere' })).toEqual(['/start']);
    expect(pathsOf({ ...makeDefinition(), start: 'regForm' })).toEqual(['/start']);
  });

  it('requires exactly one start node', () => {
    const none = makeDefinition();
    none.nodes.start!.type = 'simpleDecider';
    expect(pathsOf(none)).toEqual(['/nodes', '/start']);
    const two = makeDefinition();
    two.nodes.start2 = { type: 'start', next: 'startReg' };
    expect(pathsOf(two)).toEqual(['/nodes/start2/type']);
  });

  it('rejects next or on on an end node', () => {
    const definition = makeDefinition();
    definition.nodes.end!.next = 'start';
    definition.nodes.end!.on = {};
    expect(pathsOf(definition)).toEqual(['/nodes/end/next', '/nodes/end/on']);
  });

  it('requires next on every node but end', () => {
    const definition = makeDefinition();
    delete definition.nodes.decide!.next;
    delete definition.nodes.start!.next;
    expect(pathsOf(definition)).toEqual(['/nodes/start/next', '/nodes/decide/next']);
  });

  it('rejects a next that is neither an id nor a non-empty list', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.next = [];
    definition.nodes.start!.next = { to: 'startReg' };
    expect(pathsOf(definition)).toEqual(['/nodes/start/next', '/nodes/decide/next']);
  });

  it('rejects targets that do not exist, in next, branches and on', () => {
    const definition = makeDefinition();
    definition.nodes.start!.next = 'startRegistration';
    definition.nodes.decide!.next = [{ when: '${x}', to: 'end' }, { to: 'fail' }];
    definition.nodes.regForm!.on = { userCancelled: 'retry', timeout: 'retryy' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual([
      '/nodes/start/next',
      '/nodes/regForm/on/timeout',
      '/nodes/decide/next/1/to',
    ]);
    expect(errors[0]?.message).toMatch(/received unknown node "startRegistration"/);
  });

  it('rejects branches with unknown keys, no to, or a when that is not one ${...}', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.next = [
      { when: '${x}', to: 'end', else: 'retry' },
      { when: '${x}' },
      { when: 'x == 1', to: 'end' },
      { when: '${x} ', to: 'end' },
      'end',
      { to: 'end' },
    ];
    expect(pathsOf(definition)).toEqual([
      '/nodes/decide/next/0/else',
      '/nodes/decide/next/1/to',
      '/nodes/decide/next/2/when',
      '/nodes/decide/next/3/when',
      '/nodes/decide/next/4',
    ]);
  });

  it('rejects a when that does not parse', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.next = [{ when: '${a ? b : c}', to: 'end' }, { to: 'end' }];
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/decide/next/0/when']);
    expect(errors[0]?.message).toMatch(/conditional/);
  });

  it('requires the branch without when to be the last one', () => {
    const definition = makeDefinition();
    definition.nodes.decide!.next = [{ to: 'retry' }, { when: '${x}', to: 'end' }];
    expect(pathsOf(definition)).toEqual(['/nodes/decide/next/0']);
  });

  it('rejects on keys the activity does not raise', () => {
    const definition = makeDefinition();
    definition.nodes.regForm!.on = { userCancelled: 'retry', verificationFailed: 'retry' };
    definition.nodes.decide!.on = { failed: 'end' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual([
      '/nodes/regForm/on/verificationFailed',
      '/nodes/decide/on/failed',
    ]);
    expect(errors[0]?.message).toMatch(/expected one of userCancelled, timeout/);
    expect(errors[1]?.message).toMatch(/expected no events/);
  });
});

describe('validateProcessDefinition: graph', () => {
  it('rejects unreachable nodes, naming them', () => {
    const definition = makeDefinition();
    definition.nodes.orphan = { type: 'simpleDecider', next: 'end' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/orphan']);
    expect(errors[0]?.message).toMatch(/node "orphan" is not reachable from start node "start"/);
  });

  it('requires an end node', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = 'form';
    definition.nodes.form = { type: 'customDataForm', inputs: { formName: 'f' }, next: 'decider' };
    delete definition.nodes.end;
    expect(pathsOf(definition)).toEqual(['/nodes']);
  });

  it('requires an end node reachable from start', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = 'form';
    definition.nodes.form = { type: 'customDataForm', inputs: { formName: 'f' }, next: 'decider' };
    expect(pathsOf(definition)).toEqual(['/nodes/end', '/start']);
  });

  it('rejects reachable nodes from which no end can be reached', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = [{ when: '${_parameters.trap}', to: 'trap1' }, { to: 'end' }];
    definition.nodes.trap1 = { type: 'customDataForm', inputs: { formName: 'f' }, next: 'trap2' };
    definition.nodes.trap2 = { type: 'customDataForm', inputs: { formName: 'g' }, next: 'trap1' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/trap1', '/nodes/trap2']);
    expect(errors[0]?.message).toMatch(/no end node is reachable from node "trap1"/);
  });

  it('rejects a cycle through automatic activities only (decider ↔ decider2)', () => {
    const definition = makeLinear();
    definition.nodes.decider!.next = [{ when: '${_decision}', to: 'end' }, { to: 'decider2' }];
    definition.nodes.decider2 = { type: 'simpleDecider', next: 'decider' };
    const errors = errorsOf(definition);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/decider']);
    expect(errors[0]?.message).toMatch(
      /nodes decider → decider2 → decider form a cycle without a user step/,
    );
  });

  it('rejects an automatic self-loop and cycles closed by boundary events', () => {
    const selfLoop = makeLinear();
    selfLoop.nodes.decider!.next = [{ when: '${_decision}', to: 'end' }, { to: 'decider' }];
    expect(pathsOf(selfLoop)).toEqual(['/nodes/decider']);

    const viaEvent = makeDefinition();
    // complete → decide is automatic; sending the start step's failure back to complete closes it.
    viaEvent.nodes.decide!.next = [
      { when: "${_decision == 'PASS'}", to: 'end' },
      { to: 'startReg' },
    ];
    viaEvent.nodes.startReg!.on = { failedIdStoreCall: 'complete' };
    const errors = errorsOf(viaEvent);
    expect(errors.map((error) => error.path)).toEqual(['/nodes/startReg']);
    expect(errors[0]?.message).toMatch(/startReg → complete → decide → startReg/);
  });

  it('skips graph rules while targets are broken, so one typo gives one error', () => {
    const definition = makeDefinition();
    definition.nodes.start!.next = 'startRegistration';
    expect(pathsOf(definition)).toEqual(['/nodes/start/next']);
  });

  it('reports problems from every part at once', () => {
    const definition = { ...makeDefinition(), name: '', extra: true };
    definition.nodes.regForm!.inputs = {};
    definition.nodes.decide!.type = 'nope';
    expect(pathsOf(definition)).toEqual([
      '/extra',
      '/name',
      '/nodes/regForm/inputs/formName',
      '/nodes/decide/type',
    ]);
  });
});
