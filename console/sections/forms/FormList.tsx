import { ErrorNotice } from '../../ui/ErrorNotice';
import { PagedList } from '../../ui/PagedList';
import { ConsoleLink } from './ConsoleLink';
import { formApi } from './formApi';
import { useLoad } from './useLoad';
import { usePagedItems } from './usePagedItems';

/** Every form of the tenant with its latest version. */
export function FormList({ navigate }: { navigate: (path: string) => void }) {
  const { value, error } = useLoad('forms', formApi.list);
  const paged = usePagedItems(value?.items ?? []);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (value === undefined) return <p role="status">Loading forms…</p>;
  return (
    <PagedList
      label="Forms"
      {...paged}
      itemKey={(form) => form.name}
      renderItem={(form) => (
        <ConsoleLink to={`/console/forms/${encodeURIComponent(form.name)}`} navigate={navigate}>
          {form.name}
        </ConsoleLink>
      )}
      emptyText="No forms yet."
    />
  );
}
