import type { Document } from '../storage/openDocument';
import type { FormDefinitions } from '../storage/RuntimeDefinitions';

export interface FormsDeps {
  forms: Document<FormDefinitions>;
  now: () => number;
}
