import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** A line diff of two definitions pretty-printed as JSON (loaded lazily with the `diff` package). */
export function diffVersions(from: unknown, to: unknown): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(print(from), print(to))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return lines;
}

const print = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
