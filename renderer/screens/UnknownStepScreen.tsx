import { ScreenHeading } from './ScreenHeading';

/** A step this renderer does not know (a newer server) or could not draw: never a blank page. */
export function UnknownStepScreen({ onReload }: { onReload: () => void }) {
  return (
    <>
      <ScreenHeading>This step can't be shown by this version of Keyform</ScreenHeading>
      <p>
        Reloading may help if the site was just updated. Otherwise, ask whoever sent you the link
        for help.
      </p>
      <button type="button" className="button" onClick={onReload}>
        Reload
      </button>
    </>
  );
}
