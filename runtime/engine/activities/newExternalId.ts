import { randomId } from '../../../core/randomId';
import type { RuntimeDeps } from '../../RuntimeDeps';

/** A fresh externalId for a user created by the journey itself. */
export const newExternalId = (deps: RuntimeDeps) => `kf-${randomId(deps, 96)}`;
