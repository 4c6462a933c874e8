const queues = new Map<string, Promise<unknown>>();

/**
 * Run `work` for one instance at a time in this process, so two tabs posting at once are
 * judged one after the other (the second then sees a stale step). The revision check in
 * storage is the guarantee across processes; this only avoids needless lost races.
 */
export function withInstanceLock<T>(instanceId: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(instanceId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(instanceId, tail);
  void tail.then(() => {
    if (queues.get(instanceId) === tail) queues.delete(instanceId);
  });
  return run;
}
