import { ErrorNotice } from '../../ui/ErrorNotice';
import type { SectionProps } from '../ConsoleSection';
import { ConsoleLink } from './ConsoleLink';
import { FormEditor } from './FormEditor';
import { FormList } from './FormList';
import { FormVersions } from './FormVersions';
import { formApi } from './formApi';
import { useLoad } from './useLoad';

/**
 * The Forms section: `/console/forms` lists forms, `/console/forms/{name}` a form's versions
 * (and Compare), `/console/forms/{name}/{version}` opens that version in the editor.
 */
export default function FormsSection({ subpath, navigate }: SectionProps) {
  const [rawName, rawVersion] = subpath.split('/').filter(Boolean);
  const name = rawName === undefined ? undefined : decodeURIComponent(rawName);
  const version = rawVersion === undefined ? undefined : Number(rawVersion);
  if (name === undefined) {
    return (
      <>
        <h2>Forms</h2>
        <FormList navigate={navigate} />
      </>
    );
  }
  const base = `/console/forms/${encodeURIComponent(name)}`;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ConsoleLink to="/console/forms" navigate={navigate}>
          Forms
        </ConsoleLink>
        {' / '}
        {version === undefined ? (
          <span aria-current="page">{name}</span>
        ) : (
          <ConsoleLink to={base} navigate={navigate}>
            {name}
          </ConsoleLink>
        )}
      </nav>
      {version === undefined || !Number.isInteger(version) ? (
        <>
          <h2>Form {name}</h2>
          <FormVersions name={name} navigate={navigate} />
        </>
      ) : (
        <>
          <h2>
            Form {name}, version {version}
          </h2>
          <VersionEditor name={name} version={version} navigate={navigate} base={base} />
        </>
      )}
    </>
  );
}

function VersionEditor({
  name,
  version,
  base,
  navigate,
}: {
  name: string;
  version: number;
  base: string;
  navigate: (path: string) => void;
}) {
  const { value, error } = useLoad(`${name}/${version}`, () => formApi.version(name, version));
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (value === undefined) return <p role="status">Loading version {version}…</p>;
  return (
    <FormEditor
      key={`${name}/${version}`}
      version={value}
      onPublished={(v) => navigate(`${base}/${v}`)}
    />
  );
}
