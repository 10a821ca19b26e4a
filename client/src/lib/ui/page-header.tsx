// The top of every page: its title, a line saying what is shown, the page's own buttons, and the "API" button of
// a page that declares what it reads (the panel opens under the header).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiReads } from './api-reads-panel';
import type { PageReads } from './api-reads';
import { Button } from './button';
import { RefreshIcon } from './icons';
import { Spinner } from './spinner';

export function PageHeader({
  title,
  subtitle,
  actions,
  reads,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** What the page reads: adds the "API" button (the `openstack` commands and the GETs made). */
  reads?: PageReads;
}) {
  const api = useApiReads(reads);
  return (
    <>
      <div className="mb-4 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-fg">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-fg-muted">{subtitle}</p>}
        </div>
        {(actions || api.button) && (
          <div className="flex shrink-0 items-center gap-2">
            {actions}
            {api.button}
          </div>
        )}
      </div>
      {api.panel}
    </>
  );
}

/** Reads a query again on demand; spins while any fetch of it is under way. */
export function RefreshButton({ query }: { query: { refetch: () => unknown; isFetching: boolean } }) {
  const { t } = useTranslation();
  return (
    <Button onClick={() => void query.refetch()} disabled={query.isFetching} data-testid="refresh-list">
      {query.isFetching ? <Spinner /> : <RefreshIcon />}
      {t('common.refresh')}
    </Button>
  );
}
