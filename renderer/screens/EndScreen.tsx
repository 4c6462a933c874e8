import type { EndStepView } from '../../runtime/StepView';
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
          <ScreenHeading>{step.message || 'Passkey registration did not complete'}</ScreenHeading>
          <p>
            {startLink === null
              ? 'No passkey was created. To try again, open your registration link again or ask for a new one.'
              : 'No passkey was created. You can start again now.'}
          </p>
        </>
      )}
      {(continueUrl !== null || (!success && startLink !== null)) && (
        <div className="actions">
          {continueUrl !== null && (
            <a className="button" href={continueUrl}>
              Continue
            </a>
          )}
          {!success && startLink !== null && (
            <a
              className={continueUrl === null ? 'button' : 'button button--secondary'}
              href={startLink}
            >
              Start again
            </a>
          )}
        </div>
      )}
    </>
  );
}
