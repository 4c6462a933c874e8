import { ErrorNotice } from '../../ui/ErrorNotice';
import { PagedList } from '../../ui/PagedList';
import { ConsoleLink } from './ConsoleLink';
import { FormCompare } from './FormCompare';
import { formApi } from './formApi';
import { useLoad } from './useLoad';
import { usePagedItems } from './usePagedItems';

/** One form's versions (newest first), each opening the editor, and "Compare". */
export function FormVersions({
  name,
  navigate,
}: {
  name: string;
  navigate: (path: string) => void;
}) {
  const { value, error } = useLoad(`versions ${name}`, () => formApi.versions(name));
  const newestFirst = [...(value?.items ?? [])].reverse();
  const paged = usePagedItems(newestFirst);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (value === undefined) return <p role="status">Loading versions…</p>;
  const base = `/console/forms/${encodeURIComponent(name)}`;
  return (
    <>
      <PagedList
        label="Versions"
        {...paged}
        itemKey={(v) => String(v.version)}
        renderItem={(v) => (
          <>
            <ConsoleLink to={`${base}/${v.version}`} navigate={navigate}>
              Version {v.version}
            </ConsoleLink>{' '}
            <span>
              {v.builtin ? 'built-in' : new Date(v.createdAt).toLocaleString()} · sha256{' '}
              <code>{v.sha256.slice(0, 12)}</code>
            </span>
          </>
        )}
      />
      <FormCompare name={name} versions={value.items} />
    </>
  );
}
