// Tabs (WAI-ARIA tabs pattern, activated on click): the tab list and the panel of the current tab. Detail pages
// keep the current tab in the URL (`?tab=`), so a reload or a shared link opens the same tab.
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export function Tabs<Name extends string>({
  tabs,
  current,
  onSelect,
  label,
  tabLabel,
  children,
}: {
  tabs: readonly Name[];
  current: Name;
  onSelect: (name: Name) => void;
  /** The tab list's accessible name. */
  label: string;
  tabLabel: (name: Name) => ReactNode;
  /** The current tab's panel. */
  children: ReactNode;
}) {
  return (
    <>
      <div role="tablist" aria-label={label} className="mt-3 mb-4 flex gap-1 border-b border-line">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={current === name}
            aria-controls={`panel-${name}`}
            onClick={() => onSelect(name)}
            className={clsx(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              current === name ? 'border-brand text-fg' : 'border-transparent text-fg-muted hover:text-fg',
            )}
            data-testid={`tab-${name}`}
          >
            {tabLabel(name)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {children}
      </div>
    </>
  );
}

/** The tab the URL names (the first one when it names none or an unknown one), and the way to switch tab. */
export function useTabParam<Name extends string>(tabs: readonly [Name, ...Name[]]): [Name, (name: Name) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const current = tabs.find((name) => name === asked) ?? tabs[0];
  // Switching tab replaces the history entry: Back leaves the page rather than stepping through its tabs.
  const select = (name: Name) => setSearch(name === tabs[0] ? {} : { tab: name }, { replace: true });
  return [current, select];
}
