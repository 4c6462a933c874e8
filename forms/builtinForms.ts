import registration from './builtin/passkey-registration.json' with { type: 'json' };
import retry from './builtin/passkey-retry.json' with { type: 'json' };
import signIn from './builtin/passkey-sign-in.json' with { type: 'json' };
import signInNone from './builtin/passkey-sign-in-none.json' with { type: 'json' };
import signInRetry from './builtin/passkey-sign-in-retry.json' with { type: 'json' };
import type { FormDefinition } from './FormDefinition';
import { validateFormDefinition } from './validateFormDefinition';

export type BuiltinForm = { name: string; definition: FormDefinition };

/** Forms shipped with Keyform, validated with the same rules as uploads when this module loads. */
export const builtinForms: ReadonlyArray<BuiltinForm> = Object.freeze(
  [
    { name: 'passkey-registration', definition: registration },
    { name: 'passkey-retry', definition: retry },
    { name: 'passkey-sign-in', definition: signIn },
    { name: 'passkey-sign-in-retry', definition: signInRetry },
    { name: 'passkey-sign-in-none', definition: signInNone },
  ].map(({ name, definition }) => ({ name, definition: loadBuiltin(name, definition) })),
);

function loadBuiltin(name: string, definition: unknown): FormDefinition {
  const result = validateFormDefinition({ definition });
  // A broken built-in is a packaging bug: fail at startup, not on the first user request.
  if (!result.ok) {
    throw new Error(`built-in form "${name}" is invalid: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.value;
}
