import { FORM_DATA_LIMITS } from './checkFormDataLimits';
import type { FormFieldIssue } from './FormError';
import { isPlainObject } from './isPlainObject';
import { listSubschemas } from './listSubschemas';

/**
 * Schema evaluations one submitted value may cost. Validation costs about (values × this), and
 * the values of a submission are capped (FORM_DATA_LIMITS): 256 keeps the product within the
 * ~50 ms a submission may take. Real forms need a handful.
 */
export const MAX_EVALUATIONS_PER_VALUE = 256;

/** Keywords applying a subschema to the same value. */
const SAME_ONE = ['not', 'if', 'then', 'else'] as const;
const SAME_MANY = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords applying a subschema to every member (or key) of the value. */
const DOWN_ONE = ['additionalProperties', 'additionalItems', 'contains', 'propertyNames'] as const;

type Counts = Map<number, number>;
type Node = { same: number[]; down: number[]; downChoice: number[][] };

/**
 * Refuses schemas whose `$ref`s and combinators make one value be checked an exploding number
 * of times: ten definitions each `allOf` ten `$ref`s to the next check one string 10¹⁰ times,
 * and `{"a": {"allOf": [{"$ref": "#"}, {"$ref": "#"}]}}` doubles per level of nesting, so no
 * cap on the data alone bounds them. Counts, for every depth the data limits allow, how often
 * each subschema runs on one value (an upper bound: of `properties` and of tuple `items`
 * only the dearest member counts, since one value meets only one), and refuses a `$ref` cycle
 * that never descends into the data: it would recurse on any submission. Recursion here
 * follows $ref chains, at most as long as the (size-capped) schema has subschemas.
 */
export function rejectExplosiveSchemas({
  schema,
  maxDepth = FORM_DATA_LIMITS.maxDepth,
}: {
  schema: unknown;
  maxDepth?: number;
}): FormFieldIssue[] {
  const nodes = buildGraph(schema);
  // No object schema, nothing to count (validateSchemaShape reports it).
  if (nodes.length === 0) return [];
  const closures = new Map<number, Counts | 'tooMany'>();
  try {
    let level = closureOf(nodes, 0, closures, new Set());
    // One level more than the nesting: property names are values too (propertyNames).
    for (let depth = 0; depth <= maxDepth + 1 && level !== 'tooMany' && level.size > 0; depth++) {
      level = descend(nodes, level, closures);
    }
    if (level === 'tooMany') {
      return [
        {
          path: '/schema',
          message: `received a schema that checks one value more than ${MAX_EVALUATIONS_PER_VALUE} times (through $ref, allOf, anyOf, oneOf, properties and items); expected at most ${MAX_EVALUATIONS_PER_VALUE}`,
        },
      ];
    }
    return [];
  } catch (error) {
    if (!(error instanceof SameValueCycle)) throw error;
    return [
      {
        path: '/schema',
        message:
          'received a $ref cycle that never descends into the data; expected every cycle to pass through properties or items',
      },
    ];
  }
}

class SameValueCycle extends Error {}

function buildGraph(schema: unknown): Node[] {
  const subschemas = listSubschemas({ schema, path: '' });
  const index = new Map(subschemas.map((s, i) => [s.schema, i]));
  const byPath = new Map(subschemas.map((s, i) => [s.path, i]));
  const at = (value: unknown) => (isPlainObject(value) ? index.get(value) : undefined);
  // Only local JSON pointers get this far (rejectUnsafeSchemaKeywords); `#` is the root.
  const resolve = (ref: string) => byPath.get(decodeURIComponent(ref.slice(1)));
  return subschemas.map(({ schema: s }) => {
    const same: Array<number | undefined> = SAME_ONE.map((k) => at(s[k]));
    for (const k of SAME_MANY) if (Array.isArray(s[k])) same.push(...(s[k] as unknown[]).map(at));
    if (typeof s.$ref === 'string') same.push(resolve(s.$ref));
    if (isPlainObject(s.dependencies)) same.push(...Object.values(s.dependencies).map(at));
    const down: Array<number | undefined> = DOWN_ONE.map((k) => at(s[k]));
    if (isPlainObject(s.patternProperties))
      down.push(...Object.values(s.patternProperties).map(at));
    const downChoice: number[][] = [];
    if (isPlainObject(s.properties)) downChoice.push(defined(Object.values(s.properties).map(at)));
    if (Array.isArray(s.items)) downChoice.push(defined(s.items.map(at)));
    else down.push(at(s.items));
    return { same: defined(same), down: defined(down), downChoice };
  });
}

/**
 * Everything that runs on a value when `node` does, with how often: the node and, through
 * $ref and the combinators, what it applies to the same value. Memoised; 'tooMany' once the
 * count passes the budget (then its exact size no longer matters, and memory stays bounded).
 */
function closureOf(
  nodes: Node[],
  node: number,
  memo: Map<number, Counts | 'tooMany'>,
  open: Set<number>,
): Counts | 'tooMany' {
  const known = memo.get(node);
  if (known !== undefined) return known;
  // Back at a node still being expanded: it applies itself to the same value, forever.
  if (open.has(node)) throw new SameValueCycle();
  open.add(node);
  let counts: Counts | 'tooMany' = new Map([[node, 1]]);
  for (const child of nodes[node]!.same) {
    counts = addAll(counts, closureOf(nodes, child, memo, open), 1);
    if (counts === 'tooMany') break;
  }
  open.delete(node);
  memo.set(node, counts);
  return counts;
}

/** What runs on one member of a value, given what runs on the value itself. */
function descend(
  nodes: Node[],
  counts: Counts,
  memo: Map<number, Counts | 'tooMany'>,
): Counts | 'tooMany' {
  let next: Counts | 'tooMany' = new Map();
  for (const [node, times] of counts) {
    const { down, downChoice } = nodes[node]!;
    for (const child of down) next = addAll(next, closureOf(nodes, child, memo, new Set()), times);
    for (const choice of downChoice) {
      // One member meets one of these: the most each of them runs is a bound for any one.
      let most: Counts | 'tooMany' = new Map();
      for (const child of choice) most = maxAll(most, closureOf(nodes, child, memo, new Set()));
      next = addAll(next, most, times);
    }
    if (next === 'tooMany') return next;
  }
  return next;
}

function addAll(into: Counts | 'tooMany', from: Counts | 'tooMany', times: number) {
  if (into === 'tooMany' || from === 'tooMany') return 'tooMany';
  for (const [node, n] of from) into.set(node, (into.get(node) ?? 0) + n * times);
  return sum(into) > MAX_EVALUATIONS_PER_VALUE ? 'tooMany' : into;
}

function maxAll(into: Counts | 'tooMany', from: Counts | 'tooMany') {
  if (into === 'tooMany' || from === 'tooMany') return 'tooMany';
  for (const [node, n] of from) into.set(node, Math.max(into.get(node) ?? 0, n));
  return sum(into) > MAX_EVALUATIONS_PER_VALUE ? 'tooMany' : into;
}

function sum(counts: Counts): number {
  let total = 0;
  for (const times of counts.values()) total += times;
  return total;
}

function defined(values: Array<number | undefined>): number[] {
  return values.filter((v): v is number => v !== undefined);
}
