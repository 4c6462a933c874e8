import { RuntimeError } from '../RuntimeError';
import type { ProcessDefinition } from './ProcessDefinition';
import { validateProcessDefinition } from './validateProcessDefinition';

/**
 * The checks an upload of a version of process `name` must pass, shared by the upload and its
 * dry run (`versions:validate`) so both answer the same. Returns the detached definition or
 * throws PROCESS_DEFINITION_INVALID with `details.fields` (JSON pointers into the definition).
 */
export function checkProcessDefinitionUpload({
  name,
  definition,
}: {
  name: string;
  definition: unknown;
}): ProcessDefinition {
  const checked = validateProcessDefinition({ definition });
  if (!checked.ok) {
    throw new RuntimeError(
      'PROCESS_DEFINITION_INVALID',
      `process definition is invalid: ${checked.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`,
      { details: { fields: checked.errors } },
    );
  }
  // The path names the process: a body naming another would be stored under the wrong name.
  if (checked.value.name !== name) {
    throw new RuntimeError(
      'PROCESS_DEFINITION_INVALID',
      `definition.name is '${checked.value.name}', expected '${name}' from the path`,
      { details: { fields: [{ path: '/name', message: `expected '${name}'` }] } },
    );
  }
  return checked.value;
}
