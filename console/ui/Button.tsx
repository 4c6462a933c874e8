import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** 'primary' for the one main action of a screen, 'danger' for destructive ones. */
  variant?: 'primary' | 'secondary' | 'danger';
  /** Shows the button disabled and busy while its action runs. */
  busy?: boolean;
}

/** A console button: a real <button> (type="button" unless told), its text is its accessible name. */
export function Button({
  variant = 'secondary',
  busy = false,
  type = 'button',
  disabled,
  className,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={['kc-button', `kc-button-${variant}`, className].filter(Boolean).join(' ')}
    />
  );
}
