import { type ProcessNode, userStepTypes } from './ProcessDefinition';

export type FindAutomaticCyclesOptions = {
  nodes: ReadonlyMap<string, ProcessNode>;
  /** Targets per node id, as listNodeTargets gives them. */
  successors: ReadonlyMap<string, ReadonlyArray<string>>;
};

/**
 * Cycles that pass through no user step. The engine runs automatic activities back to back
 * until one waits for the user, so such a cycle could spin it forever. Returns one cycle per
 * strongly connected group of automatic nodes (Tarjan), as ids in walking order starting at the
 * group's first node in definition order; `[a, b]` means a → b → a.
 */
export function findAutomaticCycles({ nodes, successors }: FindAutomaticCyclesOptions): string[][] {
  const automatic = [...nodes]
    .filter(([, node]) => !userStepTypes.has(node.type))
    .map(([id]) => id);
  const automaticSet = new Set(automatic);
  const next = (id: string) =>
    (successors.get(id) ?? []).filter((target) => automaticSet.has(target));
  const order = new Map(automatic.map((id, index) => [id, index]));
  return findStronglyConnected({ ids: automatic, next })
    .filter((group) => group.length > 1 || next(group[0]!).includes(group[0]!))
    .map((group) => {
      const members = new Set(group);
      const first = group.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
      return walkBack({
        from: first,
        next: (id) => next(id).filter((target) => members.has(target)),
      });
    })
    .sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Tarjan's algorithm, iterative so a long chain of nodes cannot overflow the stack. */
function findStronglyConnected({
  ids,
  next,
}: {
  ids: ReadonlyArray<string>;
  next: (id: string) => string[];
}): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const enter = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
  };
  for (const root of ids) {
    if (index.has(root)) continue;
    enter(root);
    const work: Array<{ id: string; targets: string[]; position: number }> = [
      { id: root, targets: next(root), position: 0 },
    ];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const target = frame.targets[frame.position++];
      if (target !== undefined) {
        if (!index.has(target)) {
          enter(target);
          work.push({ id: target, targets: next(target), position: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.id);
      groups.push(group);
    }
  }
  return groups;
}

/** Shortest walk from `from` back to itself (breadth first); `from` must lie on a cycle. */
function walkBack({ from, next }: { from: string; next: (id: string) => string[] }): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const target of next(id)) {
      if (target === from) {
        const cycle = [id];
        while (cycle[0] !== from) cycle.unshift(previous.get(cycle[0]!)!);
        return cycle;
      }
      if (previous.has(target)) continue;
      previous.set(target, id);
      queue.push(target);
    }
  }
  return [from];
}
