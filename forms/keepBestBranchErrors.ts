import type { ErrorObject } from 'ajv';

/**
 * When a `oneOf`/`anyOf` fails, ajv reports the errors of every alternative plus the
 * combinator's own "must match…" error. A person filled in one alternative, so only the errors
 * of the alternative that came closest (the fewest errors) are about their data; the others'
 * (e.g. "not a field of this form" from a sibling branch with `additionalProperties: false`)
 * and the summary are noise. Innermost combinators are pruned first, so nesting works.
 */
export function keepBestBranchErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  const combinators = kept
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    // `#/properties/x/oneOf`: its branches' errors sit under `#/properties/x/oneOf/<n>/…`.
    const prefix = `${combinator.schemaPath}/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
    }
    // A oneOf that failed by matching two branches has no branch errors: keep its summary.
    if (byBranch.size === 0) continue;
    const best = [...byBranch.values()].reduce((a, b) => (b.length < a.length ? b : a));
    kept = kept.filter(
      (error) =>
        error !== combinator && (!error.schemaPath.startsWith(prefix) || best.includes(error)),
    );
  }
  return kept;
}
