import type { ConsoleSection } from './ConsoleSection';

/**
 * The console's sections, in navigation order. Each screen is its own lazily loaded chunk, so
 * the first screen stays small (bench: console first screen ≤ 300 KB gzip).
 */
export const sections: readonly ConsoleSection[] = [
  { path: 'forms', label: 'Forms', load: () => import('./forms/FormsSection') },
  { path: 'processes', label: 'Processes', load: () => import('./processes/ProcessesSection') },
  { path: 'instances', label: 'Instances', load: () => import('./instances/InstancesSection') },
];
