import { ScreenHeading } from './ScreenHeading';

/** While the instance is started or its step loaded; the status region says which. */
export function WaitingScreen() {
  return (
    <>
      <ScreenHeading>Passkey registration</ScreenHeading>
      <div className="spinner" aria-hidden="true" />
    </>
  );
}
