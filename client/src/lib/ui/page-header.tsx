// The top of every page: its title, a line saying what is shown, and the page's own buttons.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { RefreshIcon } from './icons';
import { Spinner } from './spinner';

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-fg">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-fg-muted">{subtitle}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
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
