import { useCallback, useEffect, useMemo, useState } from 'react';
import { ConsoleApiError } from '../../api/ConsoleApiError';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { describeProcessGraph } from './describeProcessGraph';
import { type FieldIssue, issuesByNode } from './issuesByNode';
import { ProcessGraphView } from './ProcessGraphView';
import { ProcessJsonEditor } from './ProcessJsonEditor';
import { ProcessNodeList } from './ProcessNodeList';
import { processApi } from './processApi';
import { readFormVersions, withFormVersion } from './withFormVersion';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };
const parse = (text: string): Parsed => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * One version of a process: its JSON in an editor beside its graph. The graph redraws from
 * the editor's JSON; every edit is checked by the API's dry run, whose errors stand at their
 * node (graph and list) and at their line; Publish stores the edit as a new version.
 */
export function ProcessVersionView({
  name,
  version,
  initial,
  navigate,
}: {
  name: string;
  version: number;
  initial: unknown;
  navigate: (path: string) => void;
}) {
  const [doc, setDoc] = useState(() => JSON.stringify(initial, null, 2));
  const [text, setText] = useState(doc);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>();
  const [publishing, setPublishing] = useState(false);
  const parsed = useMemo(() => parse(text), [text]);
  const [definition, setDefinition] = useState<unknown>(initial);

  // Setters are stable: the one callback serves the dry run and the publish.
  const showFailure = useCallback((e: unknown) => {
    const fields = e instanceof ConsoleApiError ? e.details?.fields : undefined;
    setIssues(Array.isArray(fields) ? (fields as FieldIssue[]) : []);
    setError(e);
  }, []);

  useEffect(() => {
    if (!parsed.ok) return;
    setDefinition(parsed.value);
    let cancelled = false;
    // Check once typing pauses, so each keystroke does not cost a request.
    const timer = setTimeout(() => {
      setChecking(true);
      processApi
        .validate(name, parsed.value)
        .then(() => {
          if (cancelled) return;
          setIssues([]);
          setError(undefined);
        })
        .catch((e: unknown) => !cancelled && showFailure(e))
        .finally(() => !cancelled && setChecking(false));
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [parsed, name, showFailure]);

  const graph = useMemo(() => describeProcessGraph(definition), [definition]);
  const grouped = useMemo(() => issuesByNode(issues), [issues]);
  const problems = useMemo(
    () => issues.map((i) => ({ pointer: i.path, message: i.message })),
    [issues],
  );

  const publish = async () => {
    if (!parsed.ok) return;
    setPublishing(true);
    try {
      const created = await processApi.publish(name, parsed.value);
      navigate(`/console/processes/${encodeURIComponent(name)}/${created.version}`);
    } catch (e) {
      showFailure(e);
    } finally {
      setPublishing(false);
    }
  };

  const pickFormVersion = (nodeId: string, formVersion: number | undefined) => {
    const next = JSON.stringify(withFormVersion(definition, nodeId, formVersion), null, 2);
    setDoc(next);
    setText(next);
  };

  return (
    <div className="kc-process-version">
      <div className="kc-process-toolbar">
        <Button variant="primary" busy={publishing} disabled={!parsed.ok} onClick={publish}>
          Publish as a new version
        </Button>{' '}
        <span aria-live="polite">
          {checking
            ? 'Checking…'
            : !parsed.ok
              ? 'The JSON does not parse.'
              : issues.length > 0 || error
                ? `${issues.length} error(s): fix them before publishing.`
                : `Valid. Publishing stores it as a version after ${version}.`}
        </span>
      </div>
      {!parsed.ok && (
        <p role="alert" className="kc-field-error">
          JSON syntax error: {parsed.message}
        </p>
      )}
      <ErrorNotice error={error} />
      {grouped.general.length > 0 && (
        <ul aria-label="Errors of the definition" className="kc-field-error">
          {grouped.general.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              Error at {i.path || '/'}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <div
        className="kc-process-panes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
          gap: '1rem',
        }}
      >
        <section aria-label="Definition JSON" className="kc-process-editor">
          <h3>Definition</h3>
          <ProcessJsonEditor
            doc={doc}
            label={`Definition of process ${name}`}
            problems={problems}
            onChange={setText}
          />
        </section>
        <section aria-label="Graph" className="kc-process-graph-pane" style={{ overflow: 'auto' }}>
          <h3>Graph</h3>
          <ProcessGraphView name={name} graph={graph} issues={grouped.byNode} />
          <ProcessNodeList
            graph={graph}
            issues={grouped.byNode}
            navigate={navigate}
            formVersions={readFormVersions(definition)}
            onFormVersion={pickFormVersion}
          />
        </section>
      </div>
    </div>
  );
}
