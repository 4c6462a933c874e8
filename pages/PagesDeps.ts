import type { BlobStore } from '../storage/createBlobStore';
import type { Document } from '../storage/openDocument';
import type { PageDefinitions } from '../storage/PageDefinitions';

export interface PagesDeps {
  pages: Document<PageDefinitions>;
  blobs: BlobStore;
  now: () => number;
  /** Base of every URL handed out, e.g. `http://localhost:3000`. */
  publicUrl: string;
  /** KEYFORM_PAGES_ORIGIN: where page files are served instead of `publicUrl`, when set. */
  pagesOrigin?: string | undefined;
}
