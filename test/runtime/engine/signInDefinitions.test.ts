import { describe, expect, it } from 'vitest';
import { builtinProcesses } from '../../../runtime/definition/builtinProcesses';
import { userStepTypes } from '../../../runtime/definition/ProcessDefinition';
import { validateProcessDefinition } from '../../../runtime/definition/validateProcessDefinition';

const signIn = builtinProcesses.find((p) => p.name === 'passkey-sign-in')!.definition;

describe('passkey sign-in in process definitions', () => {
  it('ships passkey-sign-in: start → startAuth → signInForm → complete → decide → end, with retries', () => {
    const { nodes } = signIn;
    expect(nodes.start?.next).toBe('startAuth');
    expect(nodes.startAuth?.type).toBe('startPasskeyAuthentication');
    // Usernameless: the node names no user, the form may.
    expect(Object.keys(nodes.startAuth?.inputs ?? {})).not.toContain('userKey');
    expect(nodes.signInForm?.type).toBe('passkeyAuthenticationForm');
    expect(userStepTypes.has('passkeyAuthenticationForm')).toBe(true);
    expect(nodes.signInForm?.on).toEqual({ userCancelled: 'retry', timeout: 'retry' });
    expect(nodes.complete?.on).toMatchObject({
      userCancelled: 'retry',
      noPasskey: 'noPasskey',
      verificationFailed: 'retry',
    });
    expect(nodes.retry?.next).toBe('signInForm');
    expect(nodes.noPasskey?.next).toBe('signInForm');
    for (const node of Object.values(nodes)) expect(node.label).toBeTruthy();
  });

  it('checks the inputs of the sign-in activities like any other', () => {
    const result = validateProcessDefinition({
      definition: {
        name: 'bad-sign-in',
        start: 's',
        nodes: {
          s: { type: 'start', next: 'a' },
          a: {
            type: 'startPasskeyAuthentication',
            inputs: { relyingPartyId: 'localhost', registrationPolicy: 'default' },
            next: 'f',
          },
          f: { type: 'passkeyAuthenticationForm', inputs: { timeoutSeconds: 0 }, next: 'c' },
          c: {
            type: 'completePasskeyAuthentication',
            on: { noPasskey: 'e', nope: 'e' },
            next: 'e',
          },
          e: { type: 'end' },
        },
      },
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/nodes/a/inputs/registrationPolicy',
        '/nodes/a/inputs/authenticationPolicy',
        '/nodes/f/inputs/timeoutSeconds',
        '/nodes/f/inputs/formName',
        '/nodes/c/on/nope',
      ]),
    );
    expect(paths).not.toContain('/nodes/c/on/noPasskey');
  });
});
