import { appendPointer } from '../../core/appendPointer';
import { isPlainObject } from '../../core/isPlainObject';
import { findTemplateErrors } from '../expressions/findTemplateErrors';
import { isForbiddenName } from '../expressions/isForbiddenName';
import { checkInputValue } from './checkInputValue';
import { describeValue } from './describeValue';
import { type ActivityType, activitySpecs } from './ProcessDefinition';
import type { ProcessDefinitionIssue } from './ProcessDefinitionIssue';

export type CheckNodeInputsOptions = {
  type: ActivityType;
  inputs: unknown;
  /** JSON pointer of the node in the upload. */
  path: string;
};

/**
 * Checks a node's `inputs` against activitySpecs: only known names, every required one present,
 * literal values of the right type, and every `${...}` parses (so a bad template fails the
 * upload, not a user's journey).
 */
export function checkNodeInputs({
  type,
  inputs,
  path,
}: CheckNodeInputsOptions): ProcessDefinitionIssue[] {
  const { required, optional } = activitySpecs[type];
  const inputsPath = `${path}/inputs`;
  const missing = (present: Record<string, unknown>) =>
    required
      .filter((name) => !Object.hasOwn(present, name))
      .map((name) => ({
        path: appendPointer(inputsPath, name),
        message: `missing required input "${name}" of a ${type} node; expected ${required.join(', ')}`,
      }));
  if (inputs === undefined) return missing({});
  // Inputs are looked up by name; anything but an object cannot hold them.
  if (!isPlainObject(inputs)) {
    return [
      {
        path: inputsPath,
        message: `received ${describeValue(inputs)}; expected an object of inputs`,
      },
    ];
  }
  const allowed = [...required, ...optional];
  const issues: ProcessDefinitionIssue[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const inputPath = appendPointer(inputsPath, name);
    // rejectForbiddenKeys reports these for the whole upload.
    if (isForbiddenName(name)) continue;
    if (!allowed.includes(name)) {
      issues.push({
        path: inputPath,
        message: `received unknown input "${name}" for a ${type} node; expected ${allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no inputs'}`,
      });
      continue;
    }
    issues.push(...checkInputValue({ name, value, path: inputPath }));
    for (const error of findTemplateErrors(value)) {
      issues.push({ path: `${inputPath}${error.path}`, message: error.message });
    }
  }
  return [...issues, ...missing(inputs)];
}
