import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PagedList } from '../../ui/PagedList';
import type { SectionProps } from '../ConsoleSection';
import { ProcessVersionView } from './ProcessVersionView';
import { processApi } from './processApi';
import { SectionLink } from './SectionLink';
import { useLoad } from './useLoad';

const pageSize = 20;
const root = '/console/processes';

/** Processes: definitions → their versions → one version drawn as a graph beside its JSON. */
export default function ProcessesSection({ subpath, navigate }: SectionProps) {
  const [name, version] = subpath.split('/').filter(Boolean).map(decodeURIComponent);
  if (name && version && /^[1-9][0-9]*$/.test(version)) {
    return <VersionScreen name={name} version={Number(version)} navigate={navigate} />;
  }
  if (name) return <VersionsScreen name={name} navigate={navigate} />;
  return <DefinitionsScreen navigate={navigate} />;
}

type Nav = { navigate: (path: string) => void };

function usePage<T>(items: readonly T[]) {
  const [page, setPage] = useState(0);
  return {
    page: page + 1,
    items: items.slice(page * pageSize, (page + 1) * pageSize),
    hasPrevious: page > 0,
    hasNext: (page + 1) * pageSize < items.length,
    onPrevious: () => setPage((p) => p - 1),
    onNext: () => setPage((p) => p + 1),
  };
}

function DefinitionsScreen({ navigate }: Nav) {
  const { value, error, loading } = useLoad(processApi.listDefinitions, 'definitions');
  const paged = usePage(value?.items ?? []);
  return (
    <section aria-labelledby="kc-processes-title">
      <h2 id="kc-processes-title">Processes</h2>
      <ErrorNotice error={error} />
      {loading ? (
        <p>Loading…</p>
      ) : (
        <PagedList
          label="Process definitions"
          {...paged}
          itemKey={(d) => d.name}
          emptyText="No process definitions yet."
          renderItem={(d) => (
            <SectionLink to={`${root}/${encodeURIComponent(d.name)}`} navigate={navigate}>
              {`${d.name} (latest version ${d.latestVersion})`}
            </SectionLink>
          )}
        />
      )}
    </section>
  );
}

function VersionsScreen({ name, navigate }: Nav & { name: string }) {
  const { value, error, loading } = useLoad(() => processApi.listVersions(name), name);
  // Newest first: the version one usually wants to open or edit.
  const paged = usePage([...(value?.items ?? [])].reverse());
  return (
    <section aria-labelledby="kc-process-versions-title">
      <SectionLink to={root} navigate={navigate}>
        All processes
      </SectionLink>
      <h2 id="kc-process-versions-title">{`Process ${name}`}</h2>
      <ErrorNotice error={error} />
      {loading ? (
        <p>Loading…</p>
      ) : (
        <PagedList
          label={`Versions of ${name}`}
          {...paged}
          itemKey={(v) => String(v.version)}
          renderItem={(v) => (
            <>
              <SectionLink
                to={`${root}/${encodeURIComponent(name)}/${v.version}`}
                navigate={navigate}
              >
                {`Version ${v.version}`}
              </SectionLink>{' '}
              <span>
                {v.builtin ? 'built in' : `published ${new Date(v.createdAt).toLocaleString()}`}
              </span>
            </>
          )}
        />
      )}
    </section>
  );
}

function VersionScreen({ name, version, navigate }: Nav & { name: string; version: number }) {
  const { value, error, loading } = useLoad(
    () => processApi.getVersion(name, version),
    `${name}/${version}`,
  );
  return (
    <section aria-labelledby="kc-process-version-title">
      <SectionLink to={`${root}/${encodeURIComponent(name)}`} navigate={navigate}>
        {`All versions of ${name}`}
      </SectionLink>
      <h2 id="kc-process-version-title">{`Process ${name}, version ${version}`}</h2>
      <ErrorNotice error={error} />
      {loading && <p>Loading…</p>}
      {value && (
        <ProcessVersionView
          key={`${name}/${version}`}
          name={name}
          version={version}
          initial={value.definition}
          navigate={navigate}
        />
      )}
    </section>
  );
}
