/** One error per field: the first rule it breaks is the one worth fixing first. */
export function keepFirstErrorPerField<E extends { path: string }>(errors: readonly E[]): E[] {
  return errors.filter((e, i, all) => all.findIndex((o) => o.path === e.path) === i);
}
