import type { ReactNode } from 'react';
import { Button } from './Button';

export interface PagedListProps<T> {
  /** Names the list for assistive technology, e.g. "Forms". */
  label: string;
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  /** 1-based page number shown to the user. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Shown instead of an empty list. */
  emptyText?: string;
}

/** A list with "Previous page" / "Next page" and the page it is on (every console list is paged). */
export function PagedList<T>({
  label,
  items,
  renderItem,
  itemKey,
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  emptyText = 'Nothing here yet.',
}: PagedListProps<T>) {
  return (
    <section aria-label={label} className="kc-paged">
      {items.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <ul className="kc-paged-list">
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
      <nav aria-label={`${label} pages`} className="kc-paged-nav">
        <Button disabled={!hasPrevious} onClick={onPrevious}>
          Previous page
        </Button>{' '}
        <span aria-live="polite">Page {page}</span>{' '}
        <Button disabled={!hasNext} onClick={onNext}>
          Next page
        </Button>
      </nav>
    </section>
  );
}
