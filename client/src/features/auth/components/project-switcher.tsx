// The project switcher: a button showing the current project, opening a searchable list that stays instant with
// thousands of projects (only the visible rows are rendered) and follows the ARIA combobox pattern.
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../../lib/format';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { CheckIcon, ChevronDownIcon, FolderIcon, SearchIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Spinner } from '../../../lib/ui/spinner';
import { useProjects } from '../../../resources/session/projects';
import { useSignedInSession } from '../../../resources/session/session-context';
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

interface ProjectSwitcherProps {
  current: { id: string; name: string };
  switching: boolean;
  onSelect: (project: Project) => void;
}

export function ProjectSwitcher(props: ProjectSwitcherProps) {
  // An application credential's token is bound to its project: Keystone would refuse any other scope.
  const credential = useSignedInSession().signIn.applicationCredential;
  return credential ? <LockedProject current={props.current} credential={credential.name} /> : <SwitchableProject {...props} />;
}

/**
 * The project of a session that cannot switch, and why: the trigger is aria-disabled (not disabled, so it stays
 * focusable) and shows the reason on focus, hover or click.
 */
function LockedProject({ current, credential }: { current: { name: string }; credential: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <div className="relative">
      <button
        type="button"
        data-testid="project-switcher"
        aria-disabled="true"
        aria-label={t('project.locked', { name: current.name })}
        aria-describedby={reasonId}
        aria-expanded={open}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        className="flex h-10 max-w-64 cursor-help items-center gap-2 rounded-md px-2 text-left opacity-80 hover:bg-sunken"
      >
        <FolderIcon className="size-4 shrink-0 text-fg-muted" />
        <span className="min-w-0">
          <span className="block text-[11px] leading-3 font-medium tracking-wide text-fg-muted uppercase">{t('project.label')}</span>
          <span data-testid="current-project" className="block truncate text-sm leading-5 font-semibold text-fg">
            {current.name}
          </span>
        </span>
        <LockIcon className="size-4 shrink-0 text-fg-muted" />
      </button>
      <p
        id={reasonId}
        role="note"
        data-testid="project-locked-reason"
        className={clsx(
          'absolute top-full left-0 z-40 mt-1 w-80 rounded-lg border border-line bg-surface p-3 text-sm text-fg shadow-lg',
          !open && 'sr-only',
        )}
      >
        {t('project.lockedReason', { credential, project: current.name })}
      </p>
    </div>
  );
}

function LockIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

function SwitchableProject({ current, switching, onSelect }: ProjectSwitcherProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const popupId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        data-testid="project-switcher"
        aria-label={t('project.trigger', { name: current.name })}
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={switching}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="flex h-10 max-w-64 items-center gap-2 rounded-md px-2 text-left hover:bg-sunken disabled:opacity-70"
      >
        <FolderIcon className="size-4 shrink-0 text-fg-muted" />
        <span className="min-w-0">
          <span className="block text-[11px] leading-3 font-medium tracking-wide text-fg-muted uppercase">
            {t('project.label')}
          </span>
          <span data-testid="current-project" className="block truncate text-sm leading-5 font-semibold text-fg">
            {current.name}
          </span>
        </span>
        {switching ? <Spinner className="text-fg-muted" /> : <ChevronDownIcon className="size-4 shrink-0 text-fg-muted" />}
      </button>
      {open && (
        <ProjectPicker
          id={popupId}
          currentId={current.id}
          onClose={close}
          onSelect={(project) => {
            close();
            if (project.id !== current.id) onSelect(project);
          }}
        />
      )}
    </div>
  );
}

function ProjectPicker({
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
