// Admin: every project's main quotas as used/limit, read a few projects at a time with progress, searchable,
// filterable by domain, sortable by any column and by "closest to its limit"; rows are virtualized so a thousand
// projects stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { inputClass } from '../../../lib/ui/form-controls';
import { MiniGauge } from '../../../lib/ui/gauge';
import { ChevronDownIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { PageHeader } from '../../../lib/ui/page-header';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useScope } from '../../../lib/scope';
import { hasService } from '@contract/service-types';
import { useProjectsAndDomains } from '../../../resources/identity/identity';
import { octaviaUsageOfProject } from '../../../resources/load-balancers/quotas';
import { useQuotaReview } from '../../../resources/quotas/use-quota-review';
import { domainNames, filterReviewRows, reviewColumnsFor, reviewRow, sortReviewRows, type ReviewSort } from '../review';

const rowHeight = 52;

function SortHeader({ label, by, sort, onSort }: { label: string; by: ReviewSort['by']; sort: ReviewSort; onSort: (sort: ReviewSort) => void }) {
  const active = sort.by === by;
  // Usage columns start with the fullest first; names start at A.
  const firstDesc = by !== 'name' && by !== 'domain';
  return (
    <th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined} className="px-3 py-2 text-left whitespace-nowrap">
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded hover:text-fg"
        onClick={() => onSort({ by, desc: active ? !sort.desc : firstDesc })}
        data-testid={`sort-${by}`}
      >
        {label}
        <ChevronDownIcon className={clsx('size-3.5', !active && 'opacity-30', active && !sort.desc && 'rotate-180')} />
      </button>
    </th>
  );
}

// Every project, then each one's three quota sets with their usage. The CLI lists every project's limits per
// service; the usage of one project is `openstack quota show --usage <project>`.
const coreReads: PageReads = {
  commands: [
    ['project', 'list', '--long'],
    ['quota', 'list', '--compute'],
    ['quota', 'list', '--network'],
    ['quota', 'list', '--volume'],
  ],
  requests: [
    '/api/os/identity/projects',
    '/api/os/identity/domains',
    '/api/os/compute/os-quota-sets/*/detail',
    '/api/os/network/v2.0/quotas/*/details',
    '/api/os/block-storage/os-quota-sets/*',
  ],
};

// With Octavia: every project's own quotas (only those set), the defaults for the others, and every load balancer,
// listener and pool of every project, counted per project.
const loadBalancerReads: PageReads = {
  commands: [
    ...coreReads.commands,
    ['loadbalancer', 'quota', 'list'],
    ['loadbalancer', 'quota', 'defaults', 'show'],
    ['loadbalancer', 'list'],
    ['loadbalancer', 'listener', 'list'],
    ['loadbalancer', 'pool', 'list'],
  ],
  requests: [
    ...coreReads.requests,
    '/api/os/load-balancer/v2/lbaas/quotas',
    '/api/os/load-balancer/v2/lbaas/quotas/defaults',
    '/api/os/load-balancer/v2/lbaas/loadbalancers',
    '/api/os/load-balancer/v2/lbaas/listeners',
    '/api/os/load-balancer/v2/lbaas/pools',
  ],
};

export function QuotaReviewPage() {
  const { t } = useTranslation();
  const loadBalancer = hasService(useScope().services, 'load-balancer');
  const columns = reviewColumnsFor(loadBalancer);
  const identity = useProjectsAndDomains();
  const [generation, setGeneration] = useState(0);
  const review = useQuotaReview(identity.data?.projects, generation);
  const [search, setSearch] = useState('');
  const [domainId, setDomainId] = useState('');
  const [sort, setSort] = useState<ReviewSort>({ by: 'closest', desc: true });

  const domains = useMemo(() => domainNames(identity.data?.domains ?? []), [identity.data]);
  const { loadBalancers } = review;
  const rows = useMemo(() => {
    const all = (identity.data?.projects ?? []).map((project) =>
      reviewRow(
        project,
        domains,
        review.quotas.get(project.id),
        loadBalancers instanceof Error ? loadBalancers : loadBalancers && octaviaUsageOfProject(loadBalancers, project.id),
      ),
    );
    return sortReviewRows(filterReviewRows(all, search, domainId || undefined), sort);
  }, [identity.data, domains, review.quotas, loadBalancers, search, domainId, sort]);

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const loading = review.total > 0 && review.done < review.total;
  const columnCount = columns.length + 3;

  return (
    <div className="flex h-full flex-col px-6 py-6">
      <PageHeader
        title={t('quotas.review.title')}
        subtitle={t('quotas.review.subtitle')}
        reads={loadBalancer ? loadBalancerReads : coreReads}
        actions={
          <>
            <Link to="/admin/quotas/defaults" className="text-sm font-medium text-brand hover:underline" data-testid="default-quotas">
              {t('quotas.defaults.title')}
            </Link>
            <Button onClick={() => setGeneration((value) => value + 1)} disabled={loading} data-testid="reload-quotas">
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {identity.error ? (
        <ErrorNotice error={identity.error} onRetry={() => void identity.refetch()} />
      ) : identity.isPending ? (
        <LoadingState label={t('quotas.review.loadingProjects')} />
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-end gap-3">
            <label className="text-sm text-fg-muted">
              {t('quotas.review.search')}
              <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={clsx(inputClass, 'mt-1 w-64')} data-testid="quota-search" />
            </label>
            <label className="text-sm text-fg-muted">
              {t('quotas.review.domain')}
              <select value={domainId} onChange={(event) => setDomainId(event.target.value)} className={clsx(inputClass, 'mt-1 w-48')} data-testid="quota-domain">
                <option value="">{t('quotas.review.allDomains')}</option>
                {identity.data.domains.map((domain) => (
                  <option key={domain.id} value={domain.id}>
                    {domain.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="ml-auto min-w-64 text-sm text-fg-muted" aria-live="polite" data-testid="quota-progress" data-done={review.done} data-total={review.total}>
              {loading ? t('quotas.review.progress', { done: review.done, total: review.total }) : t('quotas.review.complete', { count: review.total, shown: rows.length })}
              {loading && (
                <progress className="mt-1 block h-1.5 w-full accent-brand" max={review.total} value={review.done}>
                  {review.done}
                </progress>
              )}
            </div>
          </div>
          <div ref={scroller} className="min-h-0 flex-1 overflow-auto rounded-lg border border-line bg-surface" data-testid="quota-review">
            <table className="w-full border-collapse text-sm" aria-label={t('quotas.review.table')} aria-rowcount={rows.length + 1}>
              <thead className="sticky top-0 z-10 bg-sunken text-xs font-medium text-fg-muted">
                <tr className="border-b border-line">
                  <SortHeader label={t('quotas.review.project')} by="name" sort={sort} onSort={setSort} />
                  <SortHeader label={t('quotas.review.domain')} by="domain" sort={sort} onSort={setSort} />
                  <SortHeader label={t('quotas.review.closest')} by="closest" sort={sort} onSort={setSort} />
                  {columns.map((column) => (
                    <SortHeader key={column.id} label={t(`quota.labels.${column.id}`)} by={column.id} sort={sort} onSort={setSort} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {padTop > 0 && (
                  <tr aria-hidden="true">
                    <td colSpan={columnCount} style={{ height: padTop }} />
                  </tr>
                )}
                {items.map((item) => {
                  const row = rows[item.index]!;
                  return (
                    <tr key={row.project.id} aria-rowindex={item.index + 2} className="border-b border-line" style={{ height: rowHeight }} data-testid="quota-row" data-project={row.project.name}>
                      <td className="px-3 py-1.5">
                        <Link to={`/admin/quotas/${row.project.id}`} className="font-medium text-brand hover:underline">
                          {row.project.name}
                        </Link>
                        {row.failures.length > 0 && (
                          <span className="ml-2 text-xs text-danger" title={row.failures.map((failure) => failure.error.message).join('\n')}>
                            {t('quotas.review.partial')}
                          </span>
                        )}
                      </td>
                      <td className="px-3 py-1.5 text-fg-muted">{row.domainName}</td>
                      <td className="px-3 py-1.5 tabular-nums" data-testid="closest">
                        {row.quotas ? `${Math.round(row.closest * 100)} %` : '…'}
                      </td>
                      {columns.map((column) => {
                        const cell = row.cells[column.id];
                        return (
                          <td key={column.id} className="px-3 py-1.5">
                            {cell ? <MiniGauge used={cell.used} limit={cell.limit} label={t(`quota.labels.${column.id}`)} testId={`cell-${column.id}`} /> : <span className="text-fg-muted">{cell === null ? '—' : '…'}</span>}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                {padBottom > 0 && (
                  <tr aria-hidden="true">
                    <td colSpan={columnCount} style={{ height: padBottom }} />
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
