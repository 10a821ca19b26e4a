// The search's results page (/search?q=...&all=1): the query lives in the URL (a link, a reload and the back button
// keep it), the matches grouped by type as links to their pages, and what the search did.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { PageHeader } from '../../../lib/ui/page-header';
import { useSwitchScope } from '../../../resources/session/switch-scope';
import { useResourceSearch } from '../use-search';
import { ElsewhereNote } from './elsewhere-note';
import { SearchNotes } from './search-notes';

export function SearchPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const switchScope = useSwitchScope();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const everywhere = params.get('all') === '1';
  const search = useResourceSearch(text, everywhere);
  const groups = search.outcome?.groups ?? [];
  const update = (next: { q?: string; all?: boolean }) => {
    const q = next.q ?? text;
    const all = next.all ?? everywhere;
    setParams({ q, ...(all ? { all: '1' } : {}) }, { replace: true });
  };

  return (
    <div>
      <PageHeader title={t('search.title')} subtitle={text ? t('search.subtitle', { text }) : undefined} />
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t('search.label')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          onChange={(event) => update({ q: event.target.value })}
          placeholder={t('search.placeholder')}
          className="h-9 w-96 rounded-md border border-line bg-surface px-3 text-sm text-fg placeholder:text-fg-muted"
        />
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" checked={everywhere} onChange={(event) => update({ all: event.target.checked })} />
          {t('search.everywhere')}
        </label>
      </div>
      <p role="status" className="mb-2 text-sm text-fg-muted">
        {search.enabled && !search.settled ? t('search.searching') : search.outcome ? t('search.count', { count: groups.reduce((sum, group) => sum + group.hits.length, 0) }) : ''}
      </p>
      {search.error && <ErrorNotice error={search.error} />}
      {search.outcome && search.settled && (
        <div className="mb-4">
          <SearchNotes outcome={search.outcome} everywhere={everywhere} />
        </div>
      )}
      {groups.map((group) => (
        <section key={group.type} aria-labelledby={`${id}-${group.type}`} className="mb-4">
          <h2 id={`${id}-${group.type}`} className="mb-1 text-sm font-semibold text-fg">
            {t(`search.types.${group.type}`)}
          </h2>
          <ul className="divide-y divide-line rounded-md border border-line bg-surface">
            {group.hits.map((hit) => (
              <li key={hit.key} className="flex items-baseline gap-3 px-3 py-2 text-sm">
                <Link
                  to={hit.to}
                  className="font-medium text-brand hover:underline"
                  onClick={(event) => {
                    if (!hit.elsewhere) return;
                    // The detail pages work in the session's scope: switch there first.
                    event.preventDefault();
                    switchScope.mutate({ projectId: hit.elsewhere.projectId, region: hit.elsewhere.region }, { onSuccess: () => void navigate(hit.to) });
                  }}
                >
                  {hit.name || hit.detail}
                </Link>
                {hit.name && <span className="truncate text-xs text-fg-muted">{hit.detail}</span>}
                {hit.elsewhere && <ElsewhereNote elsewhere={hit.elsewhere} />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
