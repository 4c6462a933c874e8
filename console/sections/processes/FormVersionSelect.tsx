import { useEffect, useId, useState } from 'react';
import { describeError } from '../../ui/ErrorNotice';
import { processApi } from './processApi';

/**
 * Which version of its form a node shows: "latest" (no `formVersion`) or a pinned version.
 * Choosing edits the definition's JSON; publishing makes it a new process version.
 */
export function FormVersionSelect({
  nodeId,
  formName,
  value,
  onChange,
}: {
  nodeId: string;
  formName: string;
  value: unknown;
  onChange: (version: number | undefined) => void;
}) {
  const id = useId();
  const [versions, setVersions] = useState<number[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    processApi
      .listFormVersions(formName)
      .then((r) => !cancelled && setVersions(r.items.map((v) => v.version)))
      .catch((e: unknown) => {
        if (cancelled) return;
        const { code, message } = describeError(e);
        setError(`${code}: ${message}`);
      });
    return () => {
      cancelled = true;
    };
  }, [formName]);
  // A template (`${...}`) or a version not listed stays as written, shown as its own option.
  const current = value === undefined ? '' : String(value);
  const listed = versions.map(String);
  return (
    <span className="kc-field-inline">
      <label htmlFor={id}>{`Form version at ${nodeId}`}</label>{' '}
      <select
        id={id}
        value={current}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          const picked = event.target.value;
          // Only a listed version is written; an option kept as written stays untouched.
          if (picked === '' || listed.includes(picked)) {
            onChange(picked === '' ? undefined : Number(picked));
          }
        }}
      >
        <option value="">latest</option>
        {current !== '' && !listed.includes(current) && <option value={current}>{current}</option>}
        {listed.map((v) => (
          <option key={v} value={v}>
            {`version ${v}`}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="kc-field-error">
          {error}
        </span>
      )}
    </span>
  );
}
