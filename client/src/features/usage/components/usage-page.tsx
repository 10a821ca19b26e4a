// The current project's usage over a period, from Nova's usage report: totals, a chart of the servers that used
// the most, every server's figures, and the same as CSV.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../../lib/scope';
import { BarChart } from '../../../lib/ui/bar-chart';
import { DataTable } from '../../../lib/ui/data-table';
import { DetailSection } from '../../../lib/ui/detail';
import { downloadCsv } from '../../../lib/ui/download';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { PageHeader } from '../../../lib/ui/page-header';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { useProjectUsage } from '../../../resources/usage/usage';
import { serverUsageCsv, totalsOf } from '../../../resources/usage/report';
import type { ServerUsage } from '../../../resources/usage/types';
import { PeriodForm } from './period-form';
import { UsageFigures } from './usage-figures';
import { usePeriod } from './use-period';

const chartedServers = 15;
const sortValues: Record<string, SortValue<ServerUsage>> = {
  name: (server) => server.name,
  hours: (server) => server.hours,
  vcpuHours: (server) => server.hours * server.vcpus,
  started: (server) => server.started_at,
};
const initialSort = { id: 'vcpuHours', desc: true };
const noTotals = { total_hours: 0, total_vcpus_usage: 0, total_memory_mb_usage: 0, total_local_gb_usage: 0 };

export function UsagePage() {
  const { t, i18n } = useTranslation();
  const scope = useScope();
  const { period, problem, setPeriod } = usePeriod();
  const usage = useProjectUsage(period, problem === null);
  const servers = useMemo(() => usage.data?.server_usages ?? [], [usage.data]);
  const table = useClientPages(servers, { sortValues, initialSort, tieBreak: sortValues.name! });
  const number = useMemo(() => new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 }), [i18n.resolvedLanguage]);
  const formatHours = useMemo(() => (value: number) => number.format(value), [number]);
  const bars = useMemo(
    () => table.sorted.slice(0, chartedServers).map((server) => ({ label: server.name || server.instance_id, value: server.hours * server.vcpus })),
    [table.sorted],
  );

  const columns = useMemo<ColumnDef<ServerUsage>[]>(
    () => [
      { id: 'name', header: t('usage.columns.name'), enableSorting: true, cell: ({ row }) => <span className="font-medium text-fg">{row.original.name}</span> },
      { id: 'flavor', header: t('usage.columns.flavor'), enableSorting: false, cell: ({ row }) => row.original.flavor || '—' },
      { id: 'size', header: t('usage.columns.size'), enableSorting: false, cell: ({ row }) => t('usage.size', { vcpus: row.original.vcpus, ram: row.original.memory_mb, disk: row.original.local_gb }) },
      { id: 'state', header: t('usage.columns.state'), enableSorting: false, cell: ({ row }) => row.original.state },
      { id: 'started', header: t('usage.columns.started'), enableSorting: true, cell: ({ row }) => new Date(`${row.original.started_at}Z`).toLocaleString(i18n.resolvedLanguage) },
      { id: 'hours', header: t('usage.columns.hours'), enableSorting: true, cell: ({ row }) => <span className="tabular-nums">{formatHours(row.original.hours)}</span> },
      { id: 'vcpuHours', header: t('usage.columns.vcpuHours'), enableSorting: true, cell: ({ row }) => <span className="tabular-nums">{formatHours(row.original.hours * row.original.vcpus)}</span> },
    ],
    [t, i18n.resolvedLanguage, formatHours],
  );

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('usage.title')}
        subtitle={t('usage.subtitle', { project: scope.projectName })}
        reads={{
          commands: [['usage', 'show', '--project', scope.projectId, '--start', period.start, '--end', period.end]],
          requests: [`/api/os/compute/os-simple-tenant-usage/${encodeURIComponent(scope.projectId)}`],
        }}
      />
      <PeriodForm
        key={`${period.start}/${period.end}`}
        period={period}
        onApply={setPeriod}
        downloadDisabled={servers.length === 0}
        onDownload={() => downloadCsv(`usage-${scope.projectName}-${period.start}-${period.end}.csv`, serverUsageCsv(servers))}
      />
      {usage.isSuccess && <UsageFigures totals={totalsOf(usage.data ?? noTotals)} />}
      {bars.length > 0 && (
        <div className="mb-4">
          <DetailSection title={t('usage.chart.title', { count: bars.length })}>
            <BarChart label={t('usage.chart.title', { count: bars.length })} valueLabel={t('usage.columns.vcpuHours')} bars={bars} formatValue={formatHours} testId="usage-chart" />
          </DetailSection>
        </div>
      )}
      <DataTable
        testId="usage-table"
        // The report's own download has the raw hours.
        exportable={false}
        label={t('usage.table')}
        columns={columns}
        rows={table.rows}
        rowId={(server) => server.instance_id}
        rowName={(server) => server.name}
        sorting={table.sorting}
        onSortingChange={table.onSortingChange}
        placeholder={listPlaceholder({ query: usage, empty: table.rows.length === 0, loading: t('usage.loading'), emptyTitle: t('usage.empty') })}
        pagination={table.pagination}
      />
    </div>
  );
}
