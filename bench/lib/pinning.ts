import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Pinning {
  /** Prefix for a server's command line, e.g. ['taskset', '-c', '0']; empty when not pinned. */
  serverPrefix: string[];
  /** One line for the report. */
  description: string;
}

/**
 * Server on CPU 0, this process (the load generator, with all its threads) on CPU 1, when
 * `taskset` exists and there are at least two CPUs; otherwise nothing is pinned and we say so.
 */
export function pinProcesses(): Pinning {
  const cpus = availableParallelism();
  if (cpus < 2) return { serverPrefix: [], description: `not pinned (${cpus} CPU)` };
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return { serverPrefix: [], description: 'not pinned (taskset not available)' };
  }
  return {
    serverPrefix: ['taskset', '-c', '0'],
    description: 'taskset: server on CPU 0, load generator on CPU 1',
  };
}
