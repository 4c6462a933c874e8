/**
 * Where activities keep their results in the instance context, under TrustX's names
 * (DESIGN §5), so integrators' expressions written for TrustX resolve unchanged.
 */
type Bag = Record<string, unknown>;

function child(parent: Bag, key: string): Bag {
  const existing = Object.hasOwn(parent, key) ? parent[key] : undefined;
  if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as Bag;
  const created: Bag = {};
  parent[key] = created;
  return created;
}

/** `_identityStore.passkeys.registrations`, keyed by registration key (registrationsOf writes it) */
export function registrationViews(context: Bag) {
  return child(child(child(context, '_identityStore'), 'passkeys'), 'registrations');
}

/** `_identityStore.passkeys.authentications`, keyed by authentication key (authenticationsOf writes it) */
export function authenticationViews(context: Bag) {
  return child(child(child(context, '_identityStore'), 'passkeys'), 'authentications');
}

/** `_dataForms[key].currentCapture` */
export function dataFormCapture(context: Bag, key: string) {
  return child(child(child(context, '_dataForms'), key), 'currentCapture');
}

/** `_customUis[key].currentCapture` */
export function customUiCapture(context: Bag, key: string) {
  return child(child(child(context, '_customUis'), key), 'currentCapture');
}

/** `_identityStore.users`, keyed by userKey */
export function usersOf(context: Bag) {
  return child(child(context, '_identityStore'), 'users');
}
