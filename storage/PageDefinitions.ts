/** What `pages.json` holds: every uploaded page version, immutable once written. */
export interface PageDefinitions {
  versions: PageVersionRecord[];
}

export interface PageVersionRecord {
  tenantId: string;
  name: string;
  version: number;
  /** The bundle's files; their bytes live content-addressed at `<dataDir>/blobs/<sha256>`. */
  files: PageFileRecord[];
  /** sha256 over the sorted `path` + file sha256 list: what the version promises never changes. */
  sha256: string;
  createdAt: string;
}

export interface PageFileRecord {
  /** Normalised, relative to the bundle root, e.g. `index.html`, `css/site.css`. */
  path: string;
  sha256: string;
  size: number;
  contentType: string;
}
