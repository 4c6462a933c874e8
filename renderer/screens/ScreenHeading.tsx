import type { ReactNode } from 'react';

/**
 * The screen's one h1. Focusable by script (tabIndex -1) so the shell can move focus here
 * when the step changes and screen readers start reading at the new screen.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
