import { isActivityType } from '../definition/isActivityType';
import { activitySpecs, type ProcessNode } from '../definition/ProcessDefinition';
import { ExpressionError } from '../expressions/ExpressionError';

/**
 * Failure codes that mean the process definition or its token is wrong, not the end user's
 * answer: no retry can succeed, so the journey stops (DESIGN §5). Each names the node input it
 * usually comes from, so the integrator is told what to fix.
 */
const inputOfCode: Readonly<Record<string, string | null>> = {
  STORE_NOT_FOUND: 'storeName',
  RELYING_PARTY_NOT_FOUND: 'relyingPartyId',
  POLICY_NOT_FOUND: 'registrationPolicy',
  FORM_NOT_FOUND: 'formName',
  FORM_VERSION_NOT_FOUND: 'formVersion',
  PAGE_NOT_FOUND: 'pageName',
  PAGE_VERSION_NOT_FOUND: 'pageVersion',
  EXPRESSION_SYNTAX: null,
  EXPRESSION_FORBIDDEN: null,
  EXPRESSION_TOO_COMPLEX: null,
  NODE_NOT_FOUND: null,
  ACTIVITY_UNSUPPORTED: null,
  NO_TRANSITION: null,
  TOO_MANY_STEPS: null,
};

/** What the admin view reports: where the journey stopped and which input to fix. */
export interface ConfigurationFailure {
  code: string;
  message: string;
  /** The node input at fault, when one is (`relyingPartyId`, `formName`, ...). */
  input?: string;
  /** That input as the definition writes it, when it is a string. */
  template?: string;
  configuration: true;
}

/**
 * The configuration failure in `failure` (an outcome's failure) or `error` (something an
 * activity or the engine threw), or undefined when it is anything else: the end user's
 * answer, a data conflict, or a bug, each of which keeps its usual path.
 */
export function findConfigurationFailure({
  node,
  failure,
  error,
}: {
  node: ProcessNode | undefined;
  failure?: { code: string; message: string; input?: string } | undefined;
  error?: unknown;
}): ConfigurationFailure | undefined {
  const found = failure ?? codeOf(error);
  if (!found || !Object.hasOwn(inputOfCode, found.code)) return undefined;
  const input =
    found.input ?? inputOfExpression(node, error) ?? inputNamed(node, inputOfCode[found.code]);
  const template = input ? node?.inputs?.[input] : undefined;
  return {
    code: found.code,
    message: found.message,
    ...(input ? { input } : {}),
    // The input as written (`${_parameters.rpId}`) says where a wrong value came from.
    ...(typeof template === 'string' ? { template } : {}),
    configuration: true,
  };
}

function codeOf(error: unknown): { code: string; message: string; input?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? { code, message: error.message } : undefined;
}

/** The input whose template holds the expression that failed. */
function inputOfExpression(node: ProcessNode | undefined, error: unknown) {
  if (!(error instanceof ExpressionError) || !node?.inputs) return undefined;
  const found = Object.entries(node.inputs).find(([, template]) =>
    JSON.stringify(template).includes(JSON.stringify(error.expression).slice(1, -1)),
  );
  return found?.[0];
}

/** The code's usual input, named only when the node's activity takes it (set or defaulted). */
function inputNamed(node: ProcessNode | undefined, name: string | null | undefined) {
  if (!name || !node || !isActivityType(node.type)) return undefined;
  const { required, optional } = activitySpecs[node.type];
  return required.includes(name) || optional.includes(name) ? name : undefined;
}
