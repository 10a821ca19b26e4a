// The search box of the top bar, a command palette: Ctrl+K (⌘K) focuses it from anywhere. It follows the ARIA
// combobox pattern: focus stays in the input, arrows move the active option (aria-activedescendant) through the
// matches grouped by type, then the pages and actions; Enter opens the active one, or the results page
// (/search?q=...) when none is active; Escape closes the list, then empties the box.
import clsx from 'clsx';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CommandEntry } from '../../../lib/navigation';
import { useSwitchScope } from '../../../resources/session/switch-scope';
import type { SearchHit } from '../search-sources';
import { usePageMatches, useResourceSearch } from '../use-search';
import { SearchNotes } from './search-notes';
import { ElsewhereNote } from './elsewhere-note';

/** Pages and actions shown in the box; the results page shows them all. */
const pagesShown = 6;

type Choice = { kind: 'hit'; hit: SearchHit } | { kind: 'page'; to: string; label: string } | { kind: 'all' };

const keyOf = (choice: Choice) => (choice.kind === 'hit' ? choice.hit.key : choice.kind === 'page' ? `page:${choice.to}:${choice.label}` : 'all');

export const searchPath = (text: string, everywhere: boolean) => `/search?${new URLSearchParams({ q: text, ...(everywhere ? { all: '1' } : {}) }).toString()}`;

export function SearchBox({ pages }: { pages: readonly CommandEntry[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const switchScope = useSwitchScope();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [everywhere, setEverywhere] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const search = useResourceSearch(text, everywhere);
  const pageMatches = usePageMatches(text, pages).slice(0, pagesShown);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const groups = search.outcome?.groups ?? [];
  const choices: Choice[] = [
    ...groups.flatMap((group) => group.hits.map((hit): Choice => ({ kind: 'hit', hit }))),
    ...pageMatches.map((page): Choice => ({ kind: 'page', ...page })),
    ...(text.trim() ? [{ kind: 'all' } as const] : []),
  ];
  const shown = open && text.trim() !== '';
  const optionId = (index: number) => `${id}-option-${index}`;
  const listId = `${id}-list`;

  // The active option is kept by key: when the matches change under it and it is gone, none is active.
  const choiceKeys = choices.map(keyOf);
  const active = activeKey === null ? -1 : choiceKeys.indexOf(activeKey);
  const setActive = (index: number) => setActiveKey(choiceKeys[index] ?? null);

  function close() {
    setOpen(false);
    setActiveKey(null);
  }

  function choose(choice: Choice) {
    close();
    setText('');
    if (choice.kind === 'all') return void navigate(searchPath(text.trim(), everywhere));
    if (choice.kind === 'page') return void navigate(choice.to);
    const { elsewhere, to } = choice.hit;
    // The detail pages work in the session's scope: a match of another project or region opens after switching there.
    if (elsewhere) switchScope.mutate({ projectId: elsewhere.projectId, region: elsewhere.region }, { onSuccess: () => void navigate(to) });
    else void navigate(to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = choices.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (last < 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active === -1 ? (step === 1 ? 0 : last) : (active + step + choices.length) % choices.length);
    } else if (event.key === 'Enter' && text.trim()) {
      event.preventDefault();
      choose(choices[active] ?? { kind: 'all' });
    } else if (event.key === 'Escape') {
      if (shown) close();
      else setText('');
    }
  }

  const option = (choice: Choice, content: ReactNode) => {
    const key = keyOf(choice);
    const index = choiceKeys.indexOf(key);
    return (
      <SearchOption key={key} id={optionId(index)} active={index === active} onChoose={() => choose(choice)} onHover={() => setActiveKey(key)}>
        {content}
      </SearchOption>
    );
  };

  return (
    <div
      className="relative w-72"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) close();
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="Control+K Meta+K"
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="h-8 w-full rounded-md border border-line bg-sunken px-2.5 pr-14 text-sm text-fg placeholder:text-fg-muted"
        data-testid="search-input"
      />
      <kbd aria-hidden="true" className="pointer-events-none absolute top-1.5 right-2 rounded border border-line px-1 text-xs text-fg-muted">
        {t('search.shortcut')}
      </kbd>
      <div
        className={clsx('absolute top-9 right-0 z-40 w-[32rem] rounded-md border border-line bg-surface p-2 shadow-lg', !shown && 'hidden')}
        data-testid="search-popup"
      >
        <div id={listId} role="listbox" aria-label={t('search.resultsLabel')} className="max-h-[60vh] overflow-y-auto">
          {groups.map((group) => (
            <div key={group.type} role="group" aria-labelledby={`${id}-${group.type}`} data-testid={`search-group-${group.type}`}>
              <div role="presentation" id={`${id}-${group.type}`} className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">
                {t(`search.types.${group.type}`)}
              </div>
              {group.hits.map((hit) =>
                option(
                  { kind: 'hit', hit },
                  <>
                    {/* A nameless port or floating IP is shown by what identifies it, once. */}
                    <span className="truncate font-medium">{hit.name || hit.detail}</span>
                    {hit.name && <span className="truncate text-xs text-fg-muted">{hit.detail}</span>}
                    {hit.elsewhere && <ElsewhereNote elsewhere={hit.elsewhere} />}
                  </>,
                ),
              )}
            </div>
          ))}
          {pageMatches.length > 0 && (
            <div role="group" aria-labelledby={`${id}-pages`} data-testid="search-group-pages">
              <div role="presentation" id={`${id}-pages`} className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">
                {t('search.pages')}
              </div>
              {pageMatches.map((page) => option({ kind: 'page', ...page }, <span>{page.label}</span>))}
            </div>
          )}
          {text.trim() && option({ kind: 'all' }, <span className="text-brand">{t('search.allResults', { text: text.trim() })}</span>)}
        </div>
        <div className="mt-2 space-y-1 border-t border-line px-2 pt-2">
          <p role="status" className="text-xs text-fg-muted" data-testid="search-status">
            {search.enabled && !search.settled
              ? t('search.searching')
              : search.outcome
                ? t('search.count', { count: groups.reduce((sum, group) => sum + group.hits.length, 0) })
                : ''}
          </p>
          {search.outcome && search.settled && <SearchNotes outcome={search.outcome} everywhere={everywhere} />}
          <label className="flex items-center gap-2 text-xs text-fg">
            <input type="checkbox" checked={everywhere} onChange={(event) => setEverywhere(event.target.checked)} data-testid="search-everywhere" />
            {t('search.everywhere')}
          </label>
        </div>
      </div>
    </div>
  );
}

function SearchOption({ id, active, onChoose, onHover, children }: { id: string; active: boolean; onChoose: () => void; onHover: () => void; children: ReactNode }) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      // The input keeps the focus: a click must not blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      onMouseMove={onHover}
      className={clsx('flex cursor-pointer items-baseline gap-2 rounded px-2 py-1.5 text-sm text-fg', active && 'bg-sunken')}
    >
      {children}
    </div>
  );
}
