import type { IdentityDefinitionsDocument } from '../storage/createIdentityDefinitions';
import type { Records } from '../storage/openStorage';

/** What identity operations need; clocks and randomness come in so tests control them. */
export interface IdentityDeps {
  definitions: IdentityDefinitionsDocument;
  records: Records;
  /** Epoch milliseconds. */
  now: () => number;
  /** `bytes` cryptographically random bytes. */
  randomBytes: (bytes: number) => Buffer;
}
