import { useState } from 'react';

/** Pages a list the API answers whole (GET /api/forms has no paging), 20 to a page. */
export function usePagedItems<T>(items: readonly T[], size = 20) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages - 1);
  return {
    items: items.slice(current * size, (current + 1) * size),
    page: current + 1,
    hasPrevious: current > 0,
    hasNext: current < pages - 1,
    onPrevious: () => setPage(current - 1),
    onNext: () => setPage(current + 1),
  };
}
