// The project switcher's list: searchable, instant with thousands of projects (only the visible rows are rendered),
// following the ARIA combobox pattern.
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../lib/format';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { CheckIcon, SearchIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { useProjects } from '../../../resources/session/projects';
import type { Project } from '@contract/projects';

const rowHeight = 36;
const pageSize = 8;

export function filterProjects(projects: readonly Project[], query: string): Project[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...projects];
  return projects.filter(
    (project) => project.name.toLowerCase().includes(needle) || project.id.toLowerCase().startsWith(needle),
  );
}

export function ProjectPicker({
  id,
  currentId,
  onClose,
  onSelect,
}: {
  id: string;
  currentId: string;
  onClose: () => void;
  onSelect: (project: Project) => void;
}) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const projects = useProjects();
  const [query, setQuery] = useState('');
  const all = useMemo(() => projects.data ?? [], [projects.data]);
  const matches = useMemo(() => filterProjects(all, query), [all, query]);
  const currentIndex = matches.findIndex((project) => project.id === currentId);
  const [activeIndex, setActiveIndex] = useState(-1);
  // Until the user moves, the current project is the active one (or the first match while searching).
  const active = activeIndex >= 0 && activeIndex < matches.length ? activeIndex : Math.max(currentIndex, 0);
  const listRef = useRef<HTMLDivElement>(null);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // eslint-disable-next-line react-hooks/incompatible-library -- Zenith does not use the React Compiler.
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: pageSize,
  });

  useEffect(() => {
    if (matches.length > 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, matches.length, virtualizer]);

  const moveTo = (index: number) => setActiveIndex(Math.min(Math.max(index, 0), matches.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageSize, PageUp: -pageSize };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      if (matches.length > 0) moveTo(active + move);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = matches[active];
      if (chosen) onSelect(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  const resultText = query.trim()
    ? t('project.matches', { count: matches.length, total: formatNumber(all.length), shown: formatNumber(matches.length) })
    : t('project.total', { count: all.length, total: formatNumber(all.length) });

  return (
    <div
      id={id}
      data-testid="project-picker"
      className="absolute top-full left-0 z-40 mt-1 w-80 overflow-hidden rounded-lg border border-line bg-surface shadow-lg"
    >
      <div className="relative border-b border-line">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
        <input
          role="combobox"
          aria-label={t('project.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches.length > 0 ? optionId(active) : undefined}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('project.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
          className="h-10 w-full bg-transparent pr-3 pl-9 text-sm text-fg placeholder:text-fg-muted focus-visible:outline-none"
        />
      </div>

      {projects.isPending && <LoadingState label={t('project.loading')} className="px-3" />}
      {projects.isError && <ErrorNotice error={projects.error} onRetry={() => void projects.refetch()} className="m-2" />}
      {projects.isSuccess && (
        <>
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={t('project.listLabel')}
            className="max-h-80 overflow-y-auto py-1"
          >
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => {
                const project = matches[row.index];
                if (!project) return null;
                const isCurrent = project.id === currentId;
                return (
                  <div
                    key={project.id}
                    id={optionId(row.index)}
                    role="option"
                    aria-selected={row.index === active}
                    aria-current={isCurrent ? 'true' : undefined}
                    aria-setsize={matches.length}
                    aria-posinset={row.index + 1}
                    data-project-id={project.id}
                    title={project.description || undefined}
                    onPointerMove={() => row.index !== active && setActiveIndex(row.index)}
                    onClick={() => onSelect(project)}
                    className={clsx(
                      'absolute top-0 left-0 flex w-full cursor-pointer items-center gap-2 px-3 text-sm',
                      row.index === active ? 'bg-brand-soft text-fg' : 'text-fg',
                    )}
                    style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}
                  >
                    <CheckIcon className={clsx('size-4 shrink-0 text-brand', !isCurrent && 'invisible')} />
                    <span className={clsx('truncate', isCurrent && 'font-semibold')}>{project.name}</span>
                  </div>
                );
              })}
            </div>
          </div>
          {matches.length === 0 && (
            <p className="px-3 py-4 text-center text-sm text-fg-muted">{t('project.noMatch', { query: query.trim() })}</p>
          )}
          <p role="status" className="border-t border-line px-3 py-1.5 text-xs text-fg-muted">
            {resultText}
          </p>
        </>
      )}
    </div>
  );
}
