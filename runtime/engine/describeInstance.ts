import type { InstanceRecord } from '../../storage/InstanceRecord';
import type { RuntimeDeps } from '../RuntimeDeps';
import { RuntimeError } from '../RuntimeError';

/**
 * Keys whose values are secrets or bulky credentials wherever the context holds them (a form's
 * or page's captures, a registration's options): shown only as `[redacted]`.
 */
const redactedKeys = new Set([
  'browserResponse',
  'clientResponse',
  'passkeyRegClientResponse',
  'challenge',
  'userHandle',
]);

/**
 * The integrator's view of an instance: state, steps taken, captures (the context, secrets
 * redacted), decision. Built from named fields: the engine's internal part is never in it.
 */
export async function describeInstance(
  deps: Pick<RuntimeDeps, 'records'>,
  { tenantId, id }: { tenantId: string; id: string },
) {
  const instance = await deps.records.instances.find({ tenantId, id });
  if (!instance) throw new RuntimeError('INSTANCE_NOT_FOUND', `process instance '${id}' not found`);
  return view(instance);
}

function view(i: InstanceRecord) {
  return {
    id: i.id,
    processDefnName: i.definitionName,
    processDefnVersion: i.definitionVersion,
    processTokenId: i.processTokenId,
    state: i.state,
    currentNode: i.cursor,
    currentStep: i.step
      ? { stepId: i.step.stepId, nodeId: i.step.nodeId, component: i.step.component }
      : null,
    history: i.history,
    failures: i.failures,
    configurationError: configurationErrorOf(i),
    decision: i.decision,
    captures: redact(i.context) as Record<string, unknown>,
    expiresAt: new Date(i.expiresAt).toISOString(),
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/**
 * What stopped a misconfigured journey, for the integrator to fix: the node, the input (and
 * its template as written), the code and the message. Null when the journey was not stopped so.
 */
function configurationErrorOf(i: InstanceRecord) {
  const found = i.failures.find((f) => f.configuration);
  if (!found) return null;
  return {
    nodeId: found.nodeId,
    input: found.input ?? null,
    template: found.template ?? null,
    code: found.code,
    message: found.message,
  };
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redactedKeys.has(k) ? '[redacted]' : redact(v)]),
  );
}
