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

/** An opaque, URL-safe id with `bits` of entropy (default 128, the floor for any secret). */
export function randomId(deps: Pick<IdentityDeps, 'randomBytes'>, bits = 128) {
  return deps.randomBytes(bits / 8).toString('base64url');
}

export const isoNow = (deps: Pick<IdentityDeps, 'now'>) => new Date(deps.now()).toISOString();
