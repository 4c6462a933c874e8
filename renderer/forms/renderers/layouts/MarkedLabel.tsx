/**
 * A category's or list item's name with a visible error mark. The mark is hidden from
 * screen readers: the button that shows it carries the name with ", has errors" as its
 * aria-label (nameWithErrors), one text, so no browser splits it.
 */
export function MarkedLabel({ label, hasErrors }: { label: string; hasErrors: boolean }) {
  return (
    <>
      {label}
      {hasErrors && (
        <span className="category-error-mark" aria-hidden="true">
          !
        </span>
      )}
    </>
  );
}
