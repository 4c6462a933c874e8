import type { SectionProps } from '../ConsoleSection';
import { InstanceInspector } from './InstanceInspector';
import { InstanceList } from './InstanceList';

/** Instances: recent ones (paged, filtered by process and state) → the inspector of one. */
export default function InstancesSection({ subpath, navigate }: SectionProps) {
  const [id] = subpath.split('/').filter(Boolean).map(decodeURIComponent);
  return id ? (
    <InstanceInspector key={id} id={id} navigate={navigate} />
  ) : (
    <InstanceList navigate={navigate} />
  );
}
