// A list's filters as a search form: the user edits a draft, "Apply" hands the non-empty values over at once (one
// request), and a change of the applied filters from outside (back button, a link) replaces the draft.
import { useState, type ReactNode } from 'react';
import { Button } from './button';

export type Filters<Name extends string> = Partial<Record<Name, string>>;

/** The props a text or select field takes to edit one filter of the draft. */
export interface FilterBinding {
  value: string;
  onChange: (value: string) => void;
}

/** The draft with its blanks dropped and its values trimmed: what the list asks for. */
export function appliedFilters<Name extends string>(names: readonly Name[], draft: Filters<Name>): Filters<Name> {
  const applied: Filters<Name> = {};
  for (const name of names) {
    const value = draft[name]?.trim();
    if (value) applied[name] = value;
  }
  return applied;
}

export function FilterForm<Name extends string>({
  names,
  filters,
  onApply,
  label,
  applyLabel,
  children,
  buttons,
}: {
  names: readonly Name[];
  /** The filters applied now (the URL's). */
  filters: Filters<Name>;
  onApply: (filters: Filters<Name>) => void;
  /** The search landmark's name. */
  label: string;
  applyLabel: string;
  children: (bind: (name: Name) => FilterBinding, draft: Filters<Name>) => ReactNode;
  /** Shown after "Apply". */
  buttons?: ReactNode;
}) {
  const [draft, setDraft] = useState(filters);
  const [applied, setApplied] = useState(filters);
  if (applied !== filters) {
    setApplied(filters);
    setDraft(filters);
  }
  const bind = (name: Name): FilterBinding => ({
    value: draft[name] ?? '',
    onChange: (value) => setDraft((current) => ({ ...current, [name]: value })),
  });

  return (
    <form
      role="search"
      aria-label={label}
      className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] items-end gap-3 rounded-lg border border-line bg-surface p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(appliedFilters(names, draft));
      }}
    >
      {children(bind, draft)}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" data-testid="apply-filters">
          {applyLabel}
        </Button>
        {buttons}
      </div>
    </form>
  );
}
