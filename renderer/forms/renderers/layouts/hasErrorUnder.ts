/**
 * Whether any error path lies at or below one of `paths` (data paths, `a.b`): an error at
 * `address.city` belongs to the control `address.city`, to `address`, and to the root.
 */
export function hasErrorUnder({
  paths,
  errorPaths,
}: {
  paths: readonly string[];
  errorPaths: readonly string[];
}): boolean {
  return errorPaths.some((errorPath) =>
    paths.some((path) => path === '' || errorPath === path || errorPath.startsWith(`${path}.`)),
  );
}
