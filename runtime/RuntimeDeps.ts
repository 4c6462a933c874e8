import type { FormsDeps } from '../forms/FormsDeps';
import type { IdentityDeps } from '../identity/IdentityDeps';
import type { PagesDeps } from '../pages/PagesDeps';
import type { Document } from '../storage/openDocument';
import type { ProcessDefinitions } from '../storage/RuntimeDefinitions';

/** What the engine needs: identity (for its activities), forms, pages, process definitions. */
export interface RuntimeDeps extends IdentityDeps, FormsDeps, PagesDeps {
  processes: Document<ProcessDefinitions>;
  /** Base of every URL handed out, e.g. `http://localhost:3000`. */
  publicUrl: string;
  /** How long an instance lives, default 48 h. */
  instanceTtlMs?: number;
}
