import { ScreenHeading } from './ScreenHeading';

/** An address that is neither /start/… nor /flow/…. */
export function NotFoundScreen() {
  return (
    <>
      <ScreenHeading>This link is not valid</ScreenHeading>
      <p>Check that you opened the whole link from your message, or ask for a new one.</p>
    </>
  );
}
