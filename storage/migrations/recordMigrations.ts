import type { Migration } from 'kysely';
import * as m0001 from './m0001_identity';
import * as m0002 from './m0002_process_instances';
import * as m0003 from './m0003_credential_binding_jobs';
import * as m0004 from './m0004_user_key_folded';
import * as m0005 from './m0005_instance_internal';
import * as m0006 from './m0006_process_tokens';
import * as m0007 from './m0007_passkey_use';
import * as m0008 from './m0008_authentication_sessions';
import * as m0009 from './m0009_authentication_links';
import * as m0010 from './m0010_console_sessions';
import * as m0011 from './m0011_instance_listing';

/** The record database's migrations, by name, in the order they run. */
export const recordMigrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_process_instances': m0002,
  '0003_credential_binding_jobs': m0003,
  '0004_user_key_folded': m0004,
  '0005_instance_internal': m0005,
  '0006_process_tokens': m0006,
  '0007_passkey_use': m0007,
  '0008_authentication_sessions': m0008,
  '0009_authentication_links': m0009,
  '0010_console_sessions': m0010,
  '0011_instance_listing': m0011,
};
