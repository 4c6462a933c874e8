import type { InstanceRecord, StepRecord } from '../../../storage/InstanceRecord';
import type { ProcessNode } from '../../definition/ProcessDefinition';
import type { RuntimeDeps } from '../../RuntimeDeps';
import type { FieldError, RequestLanguage, StepAction, StepBase, StepView } from '../StepView';

export interface ActivityContext {
  deps: RuntimeDeps;
  instance: InstanceRecord;
  nodeId: string;
  node: ProcessNode;
  /** The node's inputs with every `${...}` resolved against the instance context. */
  inputs: Record<string, unknown>;
}

/** What a step's view is rendered from: nothing is resolved or written while rendering. */
export interface ViewContext {
  deps: Pick<RuntimeDeps, 'forms'>;
  instance: InstanceRecord;
  /** The view's common part (step id, instance id, the node's label). */
  base: Omit<StepBase, 'locale'>;
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
 * Who renders a step whose state is `S`. Members are methods, so an owner of any state is a
 * `StepOwner<unknown>` to the engine: that is sound because the engine hands a step back only
 * to the owner that made it (a step is pinned to its node, the node to the instance's
 * definition version).
 */
export interface StepOwner<S> {
  view(ctx: ViewContext, step: StepRecord<S>, lang: RequestLanguage): StepView;
}

/**
 * An activity that shows a step, judges the answer and renders the step's view, owning the
 * step's state `S`. `enter` may decline to show anything (e.g. attempts used up) by returning
 * an outcome instead of a step. `handle` keeps the step (`stay`), refusing the answer when the
 * data needs fixing (`refused`), or leaves it.
 */
export interface UserActivity<S = unknown> extends StepOwner<S> {
  kind: 'user';
  enter(ctx: ActivityContext): Promise<{ step: StepRecord<S> } | { leave: Outcome }>;
  handle(
    ctx: ActivityContext,
    step: StepRecord<S>,
    action: StepAction,
  ): Promise<{ stay: StepRecord<S>; refused?: true } | { leave: Outcome }>;
  /**
   * Steps that judge form data only: the field errors submitting `data` would get, judged and
   * translated as a submit would be; nothing is written.
   */
  check?(ctx: ViewContext, step: StepRecord<S>, data: unknown, lang: RequestLanguage): FieldError[];
}

export type Activity = AutomaticActivity | UserActivity;
