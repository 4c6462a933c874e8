import type { BindingDefinitions } from '../../storage/BindingDefinitions';
import type { Document } from '../../storage/openDocument';
import type { IdentityDeps } from '../IdentityDeps';
import type { Mailer } from './mail/Mailer';

/** What credential binding needs beyond identity: configs, the public URL, mail, link lifetimes. */
export interface BindingDeps extends IdentityDeps {
  binding: Document<BindingDefinitions>;
  /** Origin of every link handed out, e.g. `http://localhost:3000`. */
  publicUrl: string;
  mailer: Mailer;
  /** Link lifetime when a job does not ask for one (seconds). */
  bindingTtlSeconds: number;
  /** The longest lifetime a job may ask for (seconds). */
  bindingMaxTtlSeconds: number;
  /** Directory of operator-edited mail templates that replace the built-in ones, if present. */
  templateDir?: string;
}
