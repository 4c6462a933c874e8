import type { BindingDeps } from '../binding/BindingDeps';
import type { IdentityDeps } from '../IdentityDeps';

/** What authentication links need beyond identity: the public URL and the binding configs (CORS). */
export type AuthenticationLinkDeps = IdentityDeps & Pick<BindingDeps, 'binding' | 'publicUrl'>;
