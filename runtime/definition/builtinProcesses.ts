import registration from './builtin/passkey-registration.json' with { type: 'json' };
import registrationPage from './builtin/passkey-registration-page.json' with { type: 'json' };
import signIn from './builtin/passkey-sign-in.json' with { type: 'json' };
import type { ProcessDefinition } from './ProcessDefinition';
import { validateProcessDefinition } from './validateProcessDefinition';

export type BuiltinProcess = { name: string; definition: ProcessDefinition };

/** Processes shipped with Keyform, validated with the same rules as uploads when this module loads. */
export const builtinProcesses: ReadonlyArray<BuiltinProcess> = Object.freeze(
  [registration, registrationPage, signIn].map((definition) => loadBuiltin(definition)),
);

function loadBuiltin(definition: unknown): BuiltinProcess {
  const result = validateProcessDefinition({ definition });
  // A broken built-in is a packaging bug: fail at startup, not on the first user request.
  if (!result.ok) {
    const problems = result.errors.map((error) => `${error.path || '/'} ${error.message}`);
    throw new Error(`built-in process definition is invalid: ${problems.join('; ')}`);
  }
  return { name: result.value.name, definition: result.value };
}
