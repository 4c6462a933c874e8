import { scanTemplate } from '../../expressions/scanTemplate';

/** An expression that reaches `_identityStore` other than for its `users`. */
const identityStoreRead = /_identityStore(?!\s*\.\s*users\b|\s*\[\s*(['"])users\1\s*\])/u;

/**
 * Whether `template` has an expression that may read a registration's view
 * (`_identityStore.passkeys.registrations[k]...`): before resolving such a template the engine
 * issues every registration not issued yet, so the expression sees real options.
 */
export function readsRegistrations(template: unknown): boolean {
  if (typeof template === 'string') {
    return (
      template.includes('${') &&
      scanTemplate({ template }).some(
        (segment) => segment.kind !== 'text' && identityStoreRead.test(segment.source),
      )
    );
  }
  if (Array.isArray(template)) return template.some(readsRegistrations);
  if (template && typeof template === 'object') {
    return Object.values(template).some(readsRegistrations);
  }
  return false;
}
