import type { PageStepView } from '../../runtime/StepView';
import { safeExternalUrl } from '../flow/safeExternalUrl';
import { ScreenHeading } from './ScreenHeading';

/**
 * A custom page step. For now only the sandboxed frame (DESIGN §7); the READY/SEND
 * message protocol comes later. No allow-same-origin: the page never runs as our origin.
 */
export function PageScreen({ step, baseUrl }: { step: PageStepView; baseUrl: string }) {
  const title = step.title?.trim() || 'Continue on this page';
  const src = safeExternalUrl({ href: step.pageUrl, base: baseUrl });
  return (
    <>
      <ScreenHeading>{title}</ScreenHeading>
      {src === null ? (
        <p>This page could not be loaded. Please ask for a new link.</p>
      ) : (
        <iframe
          className="page-frame"
          sandbox="allow-scripts allow-forms"
          src={src}
          title={title}
        />
      )}
    </>
  );
}
