import { useState } from 'react';
import { Button } from './Button';

export interface ConfirmButtonProps {
  /** The action's label, e.g. "Delete passkey". */
  label: string;
  /** The question asked once before acting, e.g. "Delete this passkey? It cannot be undone." */
  question: string;
  confirmLabel?: string;
  cancelLabel?: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
}

/** A destructive action that asks once: the first press shows the question, "Yes" acts. */
export function ConfirmButton({
  label,
  question,
  confirmLabel = 'Yes',
  cancelLabel = 'Cancel',
  onConfirm,
  disabled,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button variant="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset.
    <span role="group" aria-label={label} className="kc-confirm">
      <span className="kc-confirm-question">{question}</span>{' '}
      <Button variant="danger" busy={busy} onClick={confirm} autoFocus>
        {confirmLabel}
      </Button>{' '}
      <Button disabled={busy} onClick={() => setAsking(false)}>
        {cancelLabel}
      </Button>
    </span>
  );
}
