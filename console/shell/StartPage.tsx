import type { ConsoleSection } from '../sections/ConsoleSection';

/** What each section is for, shown on the start page; a section without one shows its label. */
const overview: Record<string, string> = {
  forms:
    'Edit form schemas, UI schemas and translations beside a live preview, try them, publish new versions and compare any two.',
  pages: 'Upload custom pages and run them in the page tester with the data they receive.',
  processes:
    'See each process drawn as a graph, edit its JSON with errors at the node, and publish new versions.',
  links: 'Create start links (single use or unlimited), copy them or show them as a QR code.',
  instances: 'Inspect recent journeys: the steps taken, what was captured, and any error.',
  users: "Search a store's users, see and delete their passkeys, send binding links.",
};

/** The console's first screen once signed in: what it can do, one line per section. */
export function StartPage({
  sections,
  navigate,
}: {
  sections: readonly ConsoleSection[];
  navigate: (path: string) => void;
}) {
  return (
    <>
      <h1>Welcome to the Keyform console</h1>
      <p>
        Everything here goes through Keyform's public API, with the permissions of the token you
        signed in with. The same API is documented at <a href="/docs">/docs</a>.
      </p>
      {sections.length === 0 ? (
        <p>No sections are available yet.</p>
      ) : (
        <dl className="kc-overview">
          {sections.map((section) => (
            <div key={section.path}>
              <dt>
                <a
                  href={`/console/${section.path}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(`/console/${section.path}`);
                  }}
                >
                  {section.label}
                </a>
              </dt>
              <dd>{overview[section.path] ?? section.label}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
