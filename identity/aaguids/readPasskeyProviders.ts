import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PasskeyProviders } from './PasskeyProvider';
import { parsePasskeyProviders } from './parsePasskeyProviders';

/** The list shipped with Keyform (its source and commit: identity/aaguids/README.md). */
export const shippedAaguidFile = fileURLToPath(new URL('./aaguids.json', import.meta.url));
// Many times the shipped list (~320 KB with its icons): a bigger file is not this list.
const maxBytes = 16 * 1024 * 1024;

/**
 * Read and check an AAGUID list at start (KEYFORM_AAGUID_FILE, or the shipped one): a file that
 * cannot be read or is not of the list's shape throws, naming the file and what is wrong, so
 * the server refuses to start instead of showing no providers.
 */
export function readPasskeyProviders(file: string = shippedAaguidFile): PasskeyProviders {
  let text: string;
  try {
    const { size } = statSync(file);
    if (size > maxBytes) throw new Error(`${size} bytes, more than ${maxBytes}`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`AAGUID file '${file}' cannot be read: ${(error as Error).message}`);
  }
  const parsed = parsePasskeyProviders(text);
  if (!parsed.ok) throw new Error(`AAGUID file '${file}' ${parsed.problem}`);
  return parsed.providers;
}
