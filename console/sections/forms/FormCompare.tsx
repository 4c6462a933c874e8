import { useId, useState } from 'react';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { DiffLine } from './diffVersions';
import { type FormVersionSummary, formApi } from './formApi';

const marks = { added: '+', removed: '-', same: ' ' } as const;

/** "Compare": a line diff of any two versions' definitions. */
export function FormCompare({
  name,
  versions,
}: {
  name: string;
  versions: readonly FormVersionSummary[];
}) {
  const fromId = useId();
  const toId = useId();
  const last = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const [lines, setLines] = useState<{ from: number; to: number; lines: DiffLine[] }>();
  const [failed, setFailed] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const compare = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      const [a, b, { diffVersions }] = await Promise.all([
        formApi.version(name, from),
        formApi.version(name, to),
        import('./diffVersions'),
      ]);
      setLines({ from, to, lines: diffVersions(a.definition, b.definition) });
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {v.version}
    </option>
  ));
  const changed = lines?.lines.filter((l) => l.kind !== 'same').length ?? 0;
  return (
    <section aria-label="Compare versions" className="kc-form-compare">
      <h3>Compare versions</h3>
      <label htmlFor={fromId}>From version</label>{' '}
      <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
        {options}
      </select>{' '}
      <label htmlFor={toId}>To version</label>{' '}
      <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))}>
        {options}
      </select>{' '}
      <Button busy={busy} onClick={() => void compare()}>
        Compare
      </Button>
      <ErrorNotice error={failed} />
      {lines && (
        <figure>
          <figcaption>
            Version {lines.from} → version {lines.to}:{' '}
            {changed === 0 ? 'no differences' : `${changed} changed line(s)`}
          </figcaption>
          {/* Wrapped, never a scrolling box: all of it is read without a focus stop. */}
          <pre className="kc-diff" style={{ whiteSpace: 'pre-wrap' }}>
            {lines.lines.map((line, i) => {
              const text = `${marks[line.kind]} ${line.text}\n`;
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed diff, never reordered.
              if (line.kind === 'added') return <ins key={i}>{text}</ins>;
              // biome-ignore lint/suspicious/noArrayIndexKey: as above.
              if (line.kind === 'removed') return <del key={i}>{text}</del>;
              // biome-ignore lint/suspicious/noArrayIndexKey: as above.
              return <span key={i}>{text}</span>;
            })}
          </pre>
        </figure>
      )}
    </section>
  );
}
