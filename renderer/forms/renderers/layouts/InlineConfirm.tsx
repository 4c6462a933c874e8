import { useEffect, useId, useRef } from 'react';

/**
 * An inline "are you sure?" in the page (no window.confirm, no modal): it takes focus when
 * it appears, so screen readers read its title and message, and names its two answers.
 */
export function InlineConfirm({
  title,
  message,
  accept,
  decline,
  onAccept,
  onDecline,
}: {
  title: string;
  message: string;
  accept: string;
  decline: string;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const id = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <fieldset
      ref={box}
      className="notice confirm"
      aria-describedby={`${id}-message`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDecline();
      }}
    >
      <legend className="notice__title">{title}</legend>
      <p id={`${id}-message`}>{message}</p>
      <div className="confirm__actions">
        <button type="button" className="button" onClick={onAccept}>
          {accept}
        </button>
        <button type="button" className="button button--secondary" onClick={onDecline}>
          {decline}
        </button>
      </div>
    </fieldset>
  );
}
