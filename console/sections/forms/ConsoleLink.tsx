import type { ReactNode } from 'react';

/** A real link to a console path that moves within the console (history kept by `navigate`). */
export function ConsoleLink({
  to,
  navigate,
  children,
}: {
  to: string;
  navigate: (path: string) => void;
  children: ReactNode;
}) {
  return (
    <a
      href={to}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
