import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { JsonEditorHandle, PointerProblem } from '../forms/createJsonEditor';

/**
 * The definition's JSON in CodeMirror (the Forms section's editor, loaded with import() so
 * neither the console's first screen nor the process list carries it), with the API's errors
 * at their lines. A new `doc` (e.g. after a form version was picked) starts a fresh editor.
 */
export function ProcessJsonEditor({
  doc,
  label,
  problems,
  onChange,
}: {
  doc: string;
  label: string;
  problems: readonly PointerProblem[];
  onChange: (text: string) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const handle = useRef<JsonEditorHandle | undefined>(undefined);
  const latest = useRef({ onChange, problems });
  latest.current = { onChange, problems };
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    import('../forms/createJsonEditor')
      .then(({ createJsonEditor }) => {
        if (cancelled || !parent.current) return;
        handle.current = createJsonEditor({
          parent: parent.current,
          doc,
          label,
          onChange: (text) => latest.current.onChange(text),
        });
        handle.current.setProblems(latest.current.problems);
        setLoading(false);
      })
      .catch((error: unknown) => setLoadError(error));
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = undefined;
    };
  }, [doc, label]);

  useEffect(() => handle.current?.setProblems(problems), [problems]);

  return (
    <div className="kc-json-editor">
      {loading && !loadError && <p>Loading the editor…</p>}
      <ErrorNotice error={loadError} />
      <div ref={parent} />
    </div>
  );
}
