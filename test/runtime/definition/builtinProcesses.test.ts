import { describe, expect, it } from 'vitest';
import { builtinProcesses } from '../../../runtime/definition/builtinProcesses';
import { userStepTypes } from '../../../runtime/definition/ProcessDefinition';

describe('built-in processes', () => {
  it('ships passkey-registration, validated and labelled', () => {
    expect(builtinProcesses.map((process) => process.name)).toEqual([
      'passkey-registration',
      'passkey-registration-page',
      'passkey-sign-in',
    ]);
    const definition = builtinProcesses[0]!.definition;
    expect(definition.start).toBe('start');
    for (const node of Object.values(definition.nodes)) expect(node.label).toBeTruthy();
  });

  it('runs start → startReg → regForm → complete → decide → end, with retry back to the form', () => {
    const { nodes } = builtinProcesses[0]!.definition;
    expect(nodes.start?.next).toBe('startReg');
    expect(nodes.startReg?.inputs).toMatchObject({ createUser: true, storeName: 'default' });
    expect(nodes.regForm?.next).toBe('complete');
    expect(nodes.regForm?.on).toEqual({ userCancelled: 'retry', timeout: 'retry' });
    expect(nodes.complete?.next).toBe('decide');
    // An unhandled event falls through to `next`: a cancel must not reach the decider as a pass.
    expect(nodes.complete?.on).toMatchObject({
      userCancelled: 'retry',
      verificationFailed: 'retry',
    });
    expect(nodes.decide?.next).toBe('end');
    // No message of its own: the end says the engine's default for a success.
    expect(nodes.end?.inputs?.message).toBeUndefined();
    expect(nodes.retry?.next).toBe('regForm');
    expect(userStepTypes.has(nodes.retry!.type)).toBe(true);
  });
});
