import { ErrorNotice } from '../../ui/ErrorNotice';
import { SectionLink } from '../processes/SectionLink';
import { useLoad } from '../processes/useLoad';
import { type InstanceView, instanceApi } from './instanceApi';

/**
 * One instance as the admin API describes it: summary, what was misconfigured, steps taken in
 * order, events taken, failures, and the captures (redacted by the server; the console adds
 * nothing the admin view does not carry).
 */
export function InstanceInspector({
  id,
  navigate,
}: {
  id: string;
  navigate: (path: string) => void;
}) {
  const { value, error, loading } = useLoad(() => instanceApi.get(id), id);
  return (
    <section aria-labelledby="kc-instance-title">
      <SectionLink to="/console/instances" navigate={navigate}>
        All instances
      </SectionLink>
      <h2 id="kc-instance-title">{`Instance ${id}`}</h2>
      <ErrorNotice error={error} />
      {loading && <p>Loading…</p>}
      {value && <InstanceDetails instance={value} navigate={navigate} />}
    </section>
  );
}

function InstanceDetails({
  instance: i,
  navigate,
}: {
  instance: InstanceView;
  navigate: (path: string) => void;
}) {
  const events = i.history.filter((h) => h.event);
  const processPath = `/console/processes/${encodeURIComponent(i.processDefnName)}/${i.processDefnVersion}`;
  return (
    <>
      <dl className="kc-summary">
        <dt>Process</dt>
        <dd>
          <SectionLink to={processPath} navigate={navigate}>
            {`${i.processDefnName} version ${i.processDefnVersion}`}
          </SectionLink>
        </dd>
        <dt>State</dt>
        <dd>{i.state}</dd>
        <dt>Current node</dt>
        <dd>
          {i.currentStep ? `${i.currentNode} (${i.currentStep.component} step)` : i.currentNode}
        </dd>
        <dt>Decision</dt>
        <dd>{i.decision ?? 'none yet'}</dd>
        <dt>Started</dt>
        <dd>{new Date(i.createdAt).toLocaleString()}</dd>
        <dt>Last change</dt>
        <dd>{new Date(i.updatedAt).toLocaleString()}</dd>
        <dt>Expires</dt>
        <dd>{new Date(i.expiresAt).toLocaleString()}</dd>
      </dl>
      {i.configurationError && (
        <section aria-labelledby="kc-misconfigured" className="kc-error">
          <h3 id="kc-misconfigured">What was misconfigured</h3>
          <p>
            {`Node ${i.configurationError.nodeId}`}
            {i.configurationError.input ? `, input ${i.configurationError.input}` : ''}
            {i.configurationError.template ? ` (written as ${i.configurationError.template})` : ''}
            {`: ${i.configurationError.code} — ${i.configurationError.message}`}
          </p>
        </section>
      )}
      <section aria-labelledby="kc-steps">
        <h3 id="kc-steps">Steps taken</h3>
        <ol aria-labelledby="kc-steps">
          {i.history.map((h, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the record is append-only; its order is its identity.
            <li key={`${index}:${h.nodeId}`}>
              {`${h.nodeId} (${h.type}) at ${new Date(h.at).toLocaleString()}`}
              {h.event ? ` — event ${h.event}` : ''}
              {h.note ? ` — ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="kc-events">
        <h3 id="kc-events">Events taken</h3>
        {events.length === 0 ? (
          <p>No boundary event was taken.</p>
        ) : (
          <ul aria-labelledby="kc-events">
            {events.map((h, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the record is append-only; its order is its identity.
              <li key={`${index}:${h.nodeId}`}>{`${h.event} at ${h.nodeId}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="kc-failures">
        <h3 id="kc-failures">Failures</h3>
        {i.failures.length === 0 ? (
          <p>No failures.</p>
        ) : (
          <ul aria-labelledby="kc-failures">
            {i.failures.map((f, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the record is append-only; its order is its identity.
              <li key={`${index}:${f.nodeId}`}>
                {`${f.nodeId}: ${f.code} — ${f.message}`}
                {f.input
                  ? ` (input ${f.input}${f.template ? `, written as ${f.template}` : ''})`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="kc-captures">
        <h3 id="kc-captures">Captures</h3>
        {Object.keys(i.captures).length === 0 ? (
          <p>Nothing captured yet.</p>
        ) : (
          Object.entries(i.captures).map(([key, captured]) => (
            <figure key={key} className="kc-capture">
              <figcaption>{key}</figcaption>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it may scroll, so reachable by keyboard (axe scrollable-region-focusable). */}
              <pre tabIndex={0}>{JSON.stringify(captured, null, 2)}</pre>
            </figure>
          ))
        )}
      </section>
    </>
  );
}
