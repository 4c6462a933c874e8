import type { EndStepView } from '../../runtime/engine/StepView';
import { safeExternalUrl } from '../flow/safeExternalUrl';
import { ScreenHeading } from './ScreenHeading';

/** The journey's end: success, or what happened and what to do; a link on if one is set. */
export function EndScreen({
  step,
  startLink,
  baseUrl,
}: {
  step: EndStepView;
  startLink: string | null;
  baseUrl: string;
}) {
  const continueUrl = safeExternalUrl({ href: step.redirectUrl, base: baseUrl });
  const success = step.outcome === 'success';
  // A misconfigured link fails the same way every time: offer no "start again" loop.
  const restartLink = step.outcome === 'failure' ? startLink : null;
  return (
    <>
      {success ? (
        <ScreenHeading>
          <span className="check" aria-hidden="true">
            ✓
          </span>{' '}
          {step.message || 'Done.'}
        </ScreenHeading>
      ) : (
        <>
          <ScreenHeading>{step.message || 'This did not complete'}</ScreenHeading>
          <p>
            {step.outcome === 'misconfigured'
              ? 'Trying again will not help until the link is fixed.'
              : restartLink === null
                ? 'To try again, open your link again or ask for a new one.'
                : 'You can start again now.'}
          </p>
        </>
      )}
      {(continueUrl !== null || restartLink !== null) && (
        <div className="actions">
          {continueUrl !== null && (
            <a className="button" href={continueUrl}>
              Continue
            </a>
          )}
          {restartLink !== null && (
            <a
              className={continueUrl === null ? 'button' : 'button button--secondary'}
              href={restartLink}
            >
              Start again
            </a>
          )}
        </div>
      )}
    </>
  );
}
