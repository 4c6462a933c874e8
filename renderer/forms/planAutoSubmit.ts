/**
 * When to submit a step on its own, in milliseconds, or null for "wait for the button".
 * Only with hidden buttons: a visible form that submits itself under a user's fingers
 * would break WCAG 2.2.1 (timing adjustable). Hidden buttons with no delay submit at once,
 * since otherwise the user would have no way on.
 */
export function planAutoSubmit({
  hideButtons,
  delaySeconds,
}: {
  hideButtons: boolean;
  delaySeconds: number;
}): number | null {
  if (!hideButtons) return null;
  return Number.isFinite(delaySeconds) && delaySeconds > 0 ? delaySeconds * 1000 : 0;
}
