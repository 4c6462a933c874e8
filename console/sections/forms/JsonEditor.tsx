import { useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { JsonEditorHandle, PointerProblem } from './createJsonEditor';

/**
 * A labelled JSON editor: CodeMirror, loaded on first use. `initial` is read once (the parent
 * keys the editor by the version it opened); every edit goes to `onChange`.
 */
export function JsonEditor({
  label,
  initial,
  problems,
  onChange,
}: {
  label: string;
  initial: string;
  problems: readonly PointerProblem[];
  onChange: (text: string) => void;
}) {
  const headingId = useId();
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<JsonEditorHandle | null>(null);
  const latest = useRef({ initial, onChange, problems });
  latest.current = { initial, onChange, problems };
  const [failed, setFailed] = useState<unknown>();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    import('./createJsonEditor').then(
      ({ createJsonEditor }) => {
        if (cancelled || host.current === null) return;
        handle.current = createJsonEditor({
          parent: host.current,
          doc: latest.current.initial,
          label,
          onChange: (text) => latest.current.onChange(text),
        });
        handle.current.setProblems(latest.current.problems);
        setReady(true);
      },
      (error: unknown) => setFailed(error),
    );
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [label]);

  useEffect(() => handle.current?.setProblems(problems), [problems]);

  return (
    <section className="kc-json-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      {!ready && failed === undefined && <p role="status">Loading the editor…</p>}
      <ErrorNotice error={failed} />
      <div ref={host} className="kc-json-editor-host" />
      {problems.length > 0 && (
        <ul className="kc-json-editor-problems" aria-label={`Errors in ${label}`}>
          {problems.map((p) => (
            <li key={`${p.pointer} ${p.message}`}>
              <code>{p.pointer || '/'}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
