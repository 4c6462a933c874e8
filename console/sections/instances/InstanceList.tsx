import { useId, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PagedList } from '../../ui/PagedList';
import { processApi } from '../processes/processApi';
import { SectionLink } from '../processes/SectionLink';
import { useLoad } from '../processes/useLoad';
import { instanceApi, instanceStates } from './instanceApi';

const size = 20;

/** Recent instances, newest first, paged by the server, filtered by process and state. */
export function InstanceList({ navigate }: { navigate: (path: string) => void }) {
  const [page, setPage] = useState(0);
  const [definitionName, setDefinitionName] = useState('');
  const [state, setState] = useState('');
  const processId = useId();
  const stateId = useId();
  const definitions = useLoad(processApi.listDefinitions, 'definitions');
  const list = useLoad(
    () => instanceApi.list({ page, size, definitionName, state }),
    `${page}|${definitionName}|${state}`,
  );
  const total = list.value?.total ?? 0;
  return (
    <section aria-labelledby="kc-instances-title">
      <h2 id="kc-instances-title">Instances</h2>
      <div className="kc-filters">
        <label htmlFor={processId}>Process</label>{' '}
        <select
          id={processId}
          value={definitionName}
          onChange={(e) => {
            setDefinitionName(e.target.value);
            setPage(0);
          }}
        >
          <option value="">All processes</option>
          {(definitions.value?.items ?? []).map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>{' '}
        <label htmlFor={stateId}>State</label>{' '}
        <select
          id={stateId}
          value={state}
          onChange={(e) => {
            setState(e.target.value);
            setPage(0);
          }}
        >
          <option value="">All states</option>
          {instanceStates.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>{' '}
        <span aria-live="polite">{list.value ? `${total} instance(s)` : ''}</span>
      </div>
      <ErrorNotice error={definitions.error} />
      <ErrorNotice error={list.error} />
      {list.loading ? (
        <p>Loading…</p>
      ) : (
        <PagedList
          label="Recent instances"
          items={list.value?.items ?? []}
          itemKey={(i) => i.id}
          page={page + 1}
          hasPrevious={page > 0}
          hasNext={(page + 1) * size < total}
          onPrevious={() => setPage((p) => p - 1)}
          onNext={() => setPage((p) => p + 1)}
          emptyText="No instances match."
          renderItem={(i) => (
            <>
              <SectionLink
                to={`/console/instances/${encodeURIComponent(i.id)}`}
                navigate={navigate}
              >
                {`Instance ${i.id}`}
              </SectionLink>{' '}
              <span>
                {`${i.definitionName} v${i.definitionVersion} · ${i.state} · at ${i.cursor}`}
                {i.decision ? ` · decision ${i.decision}` : ''}
                {` · started ${new Date(i.createdAt).toLocaleString()}`}
              </span>
            </>
          )}
        />
      )}
    </section>
  );
}
