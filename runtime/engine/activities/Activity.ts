import type { InstanceRecord, StepRecord } from '../../../storage/InstanceRecord';
import type { ProcessNode } from '../../definition/ProcessDefinition';
import type { RuntimeDeps } from '../../RuntimeDeps';
import type { StepAction } from '../StepView';

export interface ActivityContext {
  deps: RuntimeDeps;
  instance: InstanceRecord;
  nodeId: string;
  node: ProcessNode;
  /** The node's inputs with every `${...}` resolved against the instance context. */
  inputs: Record<string, unknown>;
}

/** What happened: the event (if any) picks a boundary; a failure is recorded for the decider. */
export interface Outcome {
  event?: string;
  /** `input` names the node input at fault when the failure is one of configuration. */
  failure?: { code: string; message: string; registrationKey?: string; input?: string };
}

/** An activity that runs to completion without the user. */
export interface AutomaticActivity {
  kind: 'automatic';
  run(ctx: ActivityContext): Promise<Outcome>;
}

/**
 * An activity that shows a step and judges the answer. `enter` may decline to show anything
 * (e.g. attempts used up) by returning an outcome instead of a step.
 */
export interface UserActivity {
  kind: 'user';
  enter(ctx: ActivityContext): Promise<{ step: StepRecord } | { leave: Outcome }>;
  handle(
    ctx: ActivityContext,
    step: StepRecord,
    action: StepAction,
  ): Promise<{ stay: StepRecord; invalid?: boolean } | { leave: Outcome }>;
}

export type Activity = AutomaticActivity | UserActivity;
