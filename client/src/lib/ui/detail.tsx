// The parts every detail page is made of: the way back to its list, what shows before the resource (deleted,
// failed, loading), its header (with the "API" button of what the page reads), labelled fields and titled sections.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error';
import type { PageReads } from './api-reads';
import { PageStartContext, useApiReads, usePageStart } from './api-reads-panel';
import { ErrorNotice, RequestIds } from './error-notice';
import { LoadingState } from './loading-state';
import { Notice } from './notice';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-sm text-brand hover:underline" data-testid="back-to-list">
      ← {children}
    </Link>
  );
}

export function DetailField({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-fg-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-fg" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** A bordered section; untitled for the resource's main fields, right under its header. */
export function DetailSection({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4" data-testid={testId}>
      {title && <h2 className="mb-3 text-sm font-semibold text-fg">{title}</h2>}
      {children}
    </section>
  );
}

/** What a detail page shows before its resource: not found (a 404 once loaded or not), the error, or loading. */
export function DetailState<Resource>({
  query,
  loading,
  deleted,
  deletedTestId,
  children,
}: {
  query: { data: Resource | undefined; error: unknown; refetch: () => unknown };
  loading: string;
  deleted: string;
  deletedTestId: string;
  children: (resource: Resource) => ReactNode;
}) {
  const { t } = useTranslation();
  // The header shows once the resource is read: the calls since this state first rendered are the page's own.
  const pageStart = usePageStart();
  // An id that never existed or a resource deleted elsewhere: said plainly, with the ids of the call that found nothing.
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <Notice className="mt-4" testId={deletedTestId}>
        <p className="font-semibold">{t('errors.title.notFound')}</p>
        <p>{deleted}</p>
        <RequestIds error={query.error} />
      </Notice>
    );
  }
  if (query.error && query.data === undefined) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} className="mt-4" />;
  if (query.data === undefined) return <LoadingState label={loading} />;
  return <PageStartContext value={pageStart}>{children(query.data)}</PageStartContext>;
}

/** A detail page's title with its status underneath, its actions on the right, and its "API" button. */
export function DetailHeader({
  title,
  status,
  actions,
  reads,
}: {
  title: string;
  status?: ReactNode;
  actions?: ReactNode;
  /** What the page reads: the `openstack ... show` commands and the calls that belong to the page. */
  reads?: PageReads;
}) {
  const api = useApiReads(reads);
  return (
    <>
      <div className="mt-3 mb-4 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold text-fg" data-testid="detail-name">
            {title}
          </h1>
          {status && <div className="mt-1">{status}</div>}
        </div>
        {(actions || api.button) && (
          <div className="flex shrink-0 items-center gap-2">
            {api.button}
            {actions}
          </div>
        )}
      </div>
      {api.panel}
    </>
  );
}
