import type { IdentityDefinitionsDocument } from '../storage/createIdentityDefinitions';
import type { Records } from '../storage/openStorage';
import type { PasskeyProviders } from './aaguids/PasskeyProvider';

/** What identity operations need; clocks and randomness come in so tests control them. */
export interface IdentityDeps {
  definitions: IdentityDefinitionsDocument;
  records: Records;
  /** Epoch milliseconds. */
  now: () => number;
  /** `bytes` cryptographically random bytes. */
  randomBytes: (bytes: number) => Buffer;
  /** Passkey providers by AAGUID (KEYFORM_AAGUID_FILE); the shipped list when absent. */
  passkeyProviders?: PasskeyProviders;
}
