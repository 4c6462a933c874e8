import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../renderer/flow/describeStatus';
import type { FlowError } from '../../renderer/flow/FlowError';
import { type FlowState, initialFlowState, reduceFlow } from '../../renderer/flow/reduceFlow';
import type { FormStepView } from '../../runtime/engine/StepView';

const step: FormStepView = {
  stepId: 's1',
  instanceId: 'i1',
  locale: 'en',
  component: 'form',
  form: { name: 'f', version: 1, schema: {}, uischema: {}, texts: {} },
  data: {},
  errors: [],
  submitLabel: 'Go',
  hideButtons: false,
  delaySeconds: 0,
  readonly: false,
};

const error = (kind: FlowError['kind'], extra: Partial<FlowError> = {}): FlowError => ({
  kind,
  status: 500,
  code: 'X',
  message: '',
  fields: [],
  step: null,
  retryAfterSeconds: null,
  ...extra,
});

const ready = reduceFlow(initialFlowState('starting'), { type: 'stepReceived', step });

describe('reduceFlow', () => {
  it('shows a received step and bumps the version (focus moves)', () => {
    expect(ready).toEqual({ kind: 'ready', version: 1, step, busy: null, error: null });
  });

  it('marks a submit and a ceremony as busy without a new screen', () => {
    const submitting = reduceFlow(ready, { type: 'submitStarted' });
    expect(submitting).toMatchObject({ busy: 'submitting', version: 1 });
    expect(reduceFlow(submitting, { type: 'ceremonyStarted' })).toMatchObject({ busy: 'ceremony' });
    // Busy before a step exists is meaningless.
    const loading = initialFlowState('loading');
    expect(reduceFlow(loading, { type: 'submitStarted' })).toBe(loading);
  });

  it('re-renders the step the server sent with FORM_DATA_INVALID', () => {
    const withErrors = { ...step, errors: [{ path: '/a', message: 'bad' }] };
    const next = reduceFlow(ready, {
      type: 'requestFailed',
      error: error('formInvalid', { status: 400, step: withErrors }),
    });
    expect(next).toEqual({ kind: 'ready', version: 2, step: withErrors, busy: null, error: null });
  });

  it('puts FORM_DATA_INVALID fields on the shown step when no step came back', () => {
    const fields = [{ path: '/a', message: 'bad' }];
    const next = reduceFlow(ready, {
      type: 'requestFailed',
      error: error('formInvalid', { status: 400, fields }),
    }) as Extract<FlowState, { kind: 'ready' }>;
    expect(next.step).toMatchObject({ stepId: 's1', errors: fields });
    expect(next.error).toBeNull();
  });

  it.each(['rateLimited', 'server', 'network', 'unexpected'] as const)(
    'keeps the step on screen for %s and shows the error above it',
    (kind) => {
      const busy = reduceFlow(ready, { type: 'submitStarted' });
      const next = reduceFlow(busy, { type: 'requestFailed', error: error(kind) });
      expect(next).toMatchObject({ kind: 'ready', step, busy: null, error: { kind }, version: 2 });
    },
  );

  it.each(['stale', 'conflict', 'expired', 'notFound', 'capability'] as const)(
    'replaces the step with an error screen for %s',
    (kind) => {
      const next = reduceFlow(ready, { type: 'requestFailed', error: error(kind) });
      expect(next).toMatchObject({ kind: 'failed', error: { kind } });
    },
  );

  it('shows the starting screen again when a start is retried', () => {
    const failed = reduceFlow(initialFlowState('starting'), {
      type: 'requestFailed',
      error: error('server'),
    });
    expect(reduceFlow(failed, { type: 'startStarted' })).toEqual({ kind: 'starting', version: 2 });
  });

  it('fails outright when loading fails, whatever the kind', () => {
    const next = reduceFlow(initialFlowState('loading'), {
      type: 'requestFailed',
      error: error('network'),
    });
    expect(next).toMatchObject({ kind: 'failed', version: 1 });
  });

  it('clears a shown error when the user tries again', () => {
    const failed = reduceFlow(ready, { type: 'requestFailed', error: error('server') });
    expect(reduceFlow(failed, { type: 'submitStarted' })).toMatchObject({ error: null });
  });
});

describe('describeStatus', () => {
  it('announces what is under way', () => {
    expect(describeStatus(initialFlowState('starting'))).toBe('Setting up…');
    expect(describeStatus(reduceFlow(ready, { type: 'ceremonyStarted' }))).toBe(
      "Follow your browser's prompt to create a passkey…",
    );
    expect(describeStatus(reduceFlow(ready, { type: 'submitStarted' }))).toBe('Sending…');
    expect(describeStatus(ready)).toBe('');
    const withCeremony = reduceFlow(ready, {
      type: 'stepReceived',
      step: {
        ...step,
        component: 'passkeyForm',
        ceremony: { creationOptions: {} as never },
        expiresAt: null,
      },
    });
    expect(describeStatus(reduceFlow(withCeremony, { type: 'submitStarted' }))).toBe(
      'Saving your passkey…',
    );
  });
});
