import { useRef } from 'react';
import type { PageStepView } from '../../runtime/engine/StepView';
import { safeExternalUrl } from '../flow/safeExternalUrl';
import type { Flow } from '../flow/useFlow';
import { usePageHost } from '../pages/usePageHost';
import { ScreenHeading } from './ScreenHeading';

/**
 * A custom page step (DESIGN §7): the integrator's page in a sandboxed frame without
 * allow-same-origin, so it never runs as our origin, spoken to only through usePageHost.
 */
export function PageScreen({
  step,
  flow,
  baseUrl,
}: {
  step: PageStepView;
  flow: Pick<Flow, 'sendForPage' | 'markPageCeremony'>;
  baseUrl: string;
}) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  usePageHost({ frameRef, step, flow });
  const title = step.title?.trim() || 'Continue on this page';
  const src = safeExternalUrl({ href: step.pageUrl, base: baseUrl });
  return (
    <>
      <ScreenHeading>{title}</ScreenHeading>
      {src === null ? (
        <p>This page could not be loaded. Please ask for a new link.</p>
      ) : (
        <iframe
          ref={frameRef}
          className="page-frame"
          sandbox="allow-scripts allow-forms"
          referrerPolicy="no-referrer"
          src={src}
          title={title}
        />
      )}
    </>
  );
}
