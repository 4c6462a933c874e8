import type { LayoutProps } from '@jsonforms/core';
import { useId } from 'react';
import { useFormUi } from '../../FormUiContext';
import { CategoryPanel } from './CategoryPanel';
import { MarkedLabel } from './MarkedLabel';
import { moveTabFocus } from './moveTabFocus';
import { nameWithErrors } from './nameWithErrors';
import { useCategories } from './useCategories';

/**
 * A Categorization as tabs, after the ARIA tabs pattern: one tab stop (roving tabindex),
 * arrow keys and Home/End move between tabs and select them (automatic activation), and
 * only the selected category's panel is rendered, so its fields are the ones on the page.
 */
export function CategorizationTabs(props: LayoutProps) {
  const { entries, active, select } = useCategories(props);
  const { texts } = useFormUi();
  const id = useId();
  if (!props.visible || active === undefined) return null;
  const tabId = (index: number) => `${id}-tab-${index}`;
  const panelId = `${id}-panel`;
  return (
    <div className="categorization">
      <div className="tabs" role="tablist" aria-label={props.label || undefined}>
        {entries.map((entry, at) => {
          const selected = entry === active;
          return (
            <button
              key={entry.index}
              type="button"
              role="tab"
              id={tabId(entry.index)}
              className={entry.hasErrors ? 'tab tab--invalid' : 'tab'}
              aria-selected={selected}
              // Only the selected tab's panel exists; a reference to a missing id is invalid.
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              aria-label={nameWithErrors({ ...entry, texts })}
              onClick={() => select(entry.index)}
              onKeyDown={(event) => {
                const next = moveTabFocus({ key: event.key, current: at, count: entries.length });
                const target = next === undefined ? undefined : entries[next];
                if (target === undefined) return;
                event.preventDefault();
                select(target.index);
                // The tab exists already: focus it now, as the pattern moves focus with selection.
                document.getElementById(tabId(target.index))?.focus();
              }}
            >
              <MarkedLabel label={entry.label} hasErrors={entry.hasErrors} />
            </button>
          );
        })}
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(active.index)}
        key={active.index}
      >
        <CategoryPanel entry={active} props={props} />
      </div>
    </div>
  );
}
