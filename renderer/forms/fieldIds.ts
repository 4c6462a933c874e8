/**
 * Element ids for a control and its help and error texts, from the data path. Paths may
 * hold any character; ids here stay to a safe set and are unique per form.
 */
export function fieldIds(path: string) {
  const safe = Array.from(path, (c) =>
    /[A-Za-z0-9_-]/.test(c) ? c : `.${c.codePointAt(0)!.toString(36)}.`,
  ).join('');
  const input = `field-${safe || 'root'}`;
  return { input, description: `${input}-description`, error: `${input}-error` };
}
