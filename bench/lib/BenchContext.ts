import type { Measured } from './measure';
import type { Pinning } from './pinning';

/** What every scenario gets from bench/run.ts. */
export interface BenchContext {
  pinning: Pinning;
  /** Timed load per server and scenario, split into `rounds` alternating rounds. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number[];
  /** A temp directory the run owns (data directories go here). */
  tmpDir: string;
  quick: boolean;
  log: (line: string) => void;
}

/** Keyform against the bare ceiling, same load, same run. */
export interface ComparedRow {
  scenario: string;
  connections: number;
  keyform: Measured;
  bare: Measured;
}
