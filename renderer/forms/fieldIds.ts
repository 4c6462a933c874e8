/**
 * Element ids for a control and its help and error texts, from the data path and the
 * rendered control's own `instance` (React's useId): a property shown twice gets two
 * inputs, each with its own label, help and error ids. Paths may hold any character; ids
 * here stay to a safe set.
 */
export function fieldIds(path: string, instance = '') {
  const safe = Array.from(`${path}${instance && `-${instance}`}`, (c) =>
    /[A-Za-z0-9_-]/.test(c) ? c : `.${c.codePointAt(0)!.toString(36)}.`,
  ).join('');
  const input = `field-${safe || 'root'}`;
  return { input, description: `${input}-description`, error: `${input}-error` };
}
