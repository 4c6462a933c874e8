import type { ComponentType } from 'react';

/** What the console shell hands every section. */
export interface SectionProps {
  /** The tenant the console session acts in. */
  tenantId: string;
  /** The path below the section's own, e.g. `signup/3` for `/console/forms/signup/3`; '' at its root. */
  subpath: string;
  /** Go to a console path (`/console/...`), kept in the browser's history. */
  navigate: (path: string) => void;
}

/** One entry of the console's navigation: its URL segment, its label, and its lazily loaded screen. */
export interface ConsoleSection {
  /** URL segment under /console/, e.g. 'forms'. */
  path: string;
  label: string;
  load: () => Promise<{ default: ComponentType<SectionProps> }>;
}
