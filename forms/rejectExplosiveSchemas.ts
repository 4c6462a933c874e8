import { isPlainObject } from '../core/isPlainObject';
import { FORM_DATA_LIMITS } from './checkFormDataLimits';
import type { FormFieldIssue } from './FormError';
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
/**
 * Distinct "what runs on one value" states explored per level of the data; past it, the states
 * of the level are merged into one that bounds them all (the coarser bound this replaces).
 */
const MAX_STATES_PER_LEVEL = 256;
/** Map operations the precise walk may spend before the coarse bound is used instead. */
const WORK_BUDGET = 2_000_000;

type Counts = Map<number, number>;
/** What one subschema applies to the members of a value, by kind of member. */
type Node = {
  same: number[];
  properties: Map<string, number>;
  additionalProperties?: number;
  patternProperties: number[];
  propertyNames?: number;
  items?: number;
  tuple: number[];
  additionalItems?: number;
  contains?: number;
};

/**
 * Refuses schemas whose `$ref`s and combinators make one value be checked an exploding number
 * of times: ten definitions each `allOf` ten `$ref`s to the next check one string 10¹⁰ times,
 * and `{"a": {"allOf": [{"$ref": "#"}, {"$ref": "#"}]}}` doubles per level of nesting, so no
 * cap on the data alone bounds them. Follows, for every depth the data limits allow, what runs
 * on one value: a member named `k` meets `properties.k` of every schema on its parent (or their
 * `additionalProperties`), and `patternProperties`; an item meets `items` (or its tuple entry);
 * so one submitted value is charged only what can reach it together, not the sum over a big
 * schema's unrelated definitions. Refuses a `$ref` cycle that never descends into the data: it
 * would recurse on any submission. Recursion follows $ref chains, at most as long as the
 * (size-capped) schema has subschemas.
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
  try {
    let outcome: 'ok' | 'tooMany';
    try {
      outcome = countLevels({ nodes, memo: new Map(), work: 0, coarse: false }, maxDepth);
    } catch (error) {
      if (!(error instanceof WorkExhausted)) throw error;
      // A schema built to make the precise walk costly gets the coarse, cheap bound instead.
      outcome = countLevels({ nodes, memo: new Map(), work: 0, coarse: true }, maxDepth);
    }
    if (outcome === 'tooMany') {
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
class WorkExhausted extends Error {}

type Walk = {
  nodes: Node[];
  memo: Map<number, Counts | 'tooMany'>;
  /** Map operations spent by the precise walk, bounded by WORK_BUDGET. */
  work: number;
  /** One merged state per level, each member kind bounded by its dearest schema (cheap). */
  coarse: boolean;
};

function countLevels(walk: Walk, maxDepth: number): 'ok' | 'tooMany' {
  const first = closureOf(walk.nodes, 0, walk.memo, new Set());
  let level: Counts[] | 'tooMany' = first === 'tooMany' ? 'tooMany' : [first];
  // One level more than the nesting: property names are values too (propertyNames).
  for (let depth = 0; depth <= maxDepth + 1 && level !== 'tooMany' && level.length > 0; depth++) {
    level = descend(walk, level);
  }
  return level === 'tooMany' ? 'tooMany' : 'ok';
}

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
    const properties = new Map<string, number>();
    if (isPlainObject(s.properties)) {
      for (const [name, value] of Object.entries(s.properties)) {
        const node = at(value);
        if (node !== undefined) properties.set(name, node);
      }
    }
    return {
      same: defined(same),
      properties,
      additionalProperties: at(s.additionalProperties),
      patternProperties: isPlainObject(s.patternProperties)
        ? defined(Object.values(s.patternProperties).map(at))
        : [],
      propertyNames: at(s.propertyNames),
      items: Array.isArray(s.items) ? undefined : at(s.items),
      tuple: Array.isArray(s.items) ? defined(s.items.map(at)) : [],
      additionalItems: Array.isArray(s.items) ? at(s.additionalItems) : undefined,
      contains: at(s.contains),
    };
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

/**
 * The states of the next level of the data: for each state (what runs on one value), what runs
 * on each kind of member it may have. Identical states are explored once; too many are merged.
 */
function descend(walk: Walk, level: Counts[]): Counts[] | 'tooMany' {
  const next = new Map<string, Counts>();
  for (const counts of level) {
    const members = walk.coarse ? [coarseMemberOf(walk, counts)] : membersOf(walk, counts);
    for (const member of members) {
      if (member === 'tooMany') return member;
      // Within budget (or it would be tooMany), and a value nothing reaches below ends here.
      if (member.size > 0 && !isTerminal(walk.nodes, member)) next.set(keyOf(member), member);
    }
  }
  if (next.size <= MAX_STATES_PER_LEVEL && !walk.coarse) return [...next.values()];
  // One state that runs, on every node, the most any of them does: a bound for each.
  let merged: Counts | 'tooMany' = new Map();
  for (const counts of next.values()) merged = maxAll(merged, counts);
  if (merged === 'tooMany') return merged;
  return merged.size > 0 ? [merged] : [];
}

/** What runs on each kind of member of a value on which `counts` runs. */
function membersOf(walk: Walk, counts: Counts): Array<Counts | 'tooMany'> {
  const closure = (node: number | undefined): Counts | 'tooMany' => {
    if (node === undefined) return new Map();
    const found = closureOf(walk.nodes, node, walk.memo, new Set());
    walk.work += found === 'tooMany' ? 1 : found.size;
    return found;
  };
  const entries = [...counts].map(([node, times]) => ({ node: walk.nodes[node]!, times }));
  const names = new Set(entries.flatMap(({ node }) => [...node.properties.keys()]));
  const longest = Math.max(0, ...entries.map(({ node }) => node.tuple.length));
  const member = (pick: (node: Node) => Array<number | undefined>): Counts | 'tooMany' => {
    walk.work += entries.length;
    // Spent on one upload, the precise bound is not worth more: the coarse one takes over.
    if (walk.work > WORK_BUDGET) throw new WorkExhausted();
    let total: Counts | 'tooMany' = new Map();
    for (const { node, times } of entries) {
      for (const child of pick(node)) total = addAll(total, closure(child), times);
      if (total === 'tooMany') break;
    }
    return total;
  };
  const members: Array<Counts | 'tooMany'> = [];
  // A member named in some `properties`, then a member named in none.
  for (const name of names) {
    members.push(
      member((node) => [
        node.properties.has(name) ? node.properties.get(name) : node.additionalProperties,
        ...node.patternProperties,
      ]),
    );
  }
  members.push(member((node) => [node.additionalProperties, ...node.patternProperties]));
  // A property name, which propertyNames checks as a string of its own.
  members.push(member((node) => [node.propertyNames]));
  // An item at a tuple position, then an item past every tuple.
  for (let index = 0; index < longest; index++) {
    members.push(
      member((node) => [
        node.items ?? (index < node.tuple.length ? node.tuple[index] : node.additionalItems),
        node.contains,
      ]),
    );
  }
  members.push(member((node) => [node.items ?? node.additionalItems, node.contains]));
  return members;
}

/**
 * One bound for every member of a value: what applies to all members, plus, of `properties` and
 * of tuple `items`, the most any one of them runs (one member meets only one of them).
 */
function coarseMemberOf(walk: Walk, counts: Counts): Counts | 'tooMany' {
  const closure = (node: number | undefined): Counts | 'tooMany' =>
    node === undefined ? new Map() : closureOf(walk.nodes, node, walk.memo, new Set());
  let total: Counts | 'tooMany' = new Map();
  for (const [index, times] of counts) {
    const node = walk.nodes[index]!;
    const all = [
      node.additionalProperties,
      ...node.patternProperties,
      node.propertyNames,
      node.items,
      node.additionalItems,
      node.contains,
    ];
    for (const child of all) total = addAll(total, closure(child), times);
    for (const choice of [[...node.properties.values()], node.tuple]) {
      let most: Counts | 'tooMany' = new Map();
      for (const child of choice) most = maxAll(most, closure(child));
      total = addAll(total, most, times);
    }
    if (total === 'tooMany') return total;
  }
  return total;
}

/** True when no schema in `counts` applies anything to a member of the value. */
function isTerminal(nodes: Node[], counts: Counts): boolean {
  for (const index of counts.keys()) {
    const node = nodes[index]!;
    const reaches =
      node.properties.size > 0 ||
      node.patternProperties.length > 0 ||
      node.tuple.length > 0 ||
      [
        node.additionalProperties,
        node.propertyNames,
        node.items,
        node.additionalItems,
        node.contains,
      ].some((child) => child !== undefined);
    if (reaches) return false;
  }
  return true;
}

function keyOf(counts: Counts): string {
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([node, times]) => `${node}:${times}`)
    .join(',');
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
