// Admin: every project's usage over a period (Nova's report for all projects), sortable, as CSV too.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../lib/ui/data-table';
import { downloadCsv } from '../../../lib/ui/download';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { PageHeader } from '../../../lib/ui/page-header';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { useProjectsAndDomains } from '../../../resources/identity/identity';
import { useAllProjectsUsage } from '../../../resources/usage/usage';
import { projectUsageCsv, totalsOf, type UsageTotals } from '../../../resources/usage/report';
import { PeriodForm } from './period-form';
import { UsageFigures } from './usage-figures';
import { usePeriod } from './use-period';

interface ProjectUsageRow {
  projectId: string;
  projectName: string;
  totals: UsageTotals;
}

const sortValues: Record<string, SortValue<ProjectUsageRow>> = {
  project: (row) => row.projectName,
  instanceHours: (row) => row.totals.instanceHours,
  vcpuHours: (row) => row.totals.vcpuHours,
  ramGbHours: (row) => row.totals.ramGbHours,
  diskGbHours: (row) => row.totals.diskGbHours,
};
const initialSort = { id: 'vcpuHours', desc: true };
const figureColumns = ['instanceHours', 'vcpuHours', 'ramGbHours', 'diskGbHours'] as const;

export function AllUsagePage() {
  const { t, i18n } = useTranslation();
  const { period, problem, setPeriod } = usePeriod();
  const usage = useAllProjectsUsage(period, problem === null);
  const identity = useProjectsAndDomains();
  const rows = useMemo<ProjectUsageRow[]>(() => {
    const names = new Map(identity.data?.projects.map((project) => [project.id, project.name]));
    return (usage.data ?? []).map((item) => ({ projectId: item.tenant_id, projectName: names.get(item.tenant_id) ?? item.tenant_id, totals: totalsOf(item) }));
  }, [usage.data, identity.data]);
  const table = useClientPages(rows, { sortValues, initialSort, tieBreak: sortValues.project! });
  const number = useMemo(() => new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 }), [i18n.resolvedLanguage]);
  const overall = useMemo(
    () =>
      rows.reduce<UsageTotals>(
        (sum, row) => ({
          instanceHours: sum.instanceHours + row.totals.instanceHours,
          vcpuHours: sum.vcpuHours + row.totals.vcpuHours,
          ramGbHours: sum.ramGbHours + row.totals.ramGbHours,
          diskGbHours: sum.diskGbHours + row.totals.diskGbHours,
        }),
        { instanceHours: 0, vcpuHours: 0, ramGbHours: 0, diskGbHours: 0 },
      ),
    [rows],
  );

  const columns = useMemo<ColumnDef<ProjectUsageRow>[]>(
    () => [
      { id: 'project', header: t('usage.columns.project'), enableSorting: true, cell: ({ row }) => <span className="font-medium text-fg">{row.original.projectName}</span> },
      ...figureColumns.map<ColumnDef<ProjectUsageRow>>((id) => ({
        id,
        header: t(`usage.totals.${id}`),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid={`project-${id}`}>
            {number.format(row.original.totals[id])}
          </span>
        ),
      })),
    ],
    [t, number],
  );

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('usage.all.title')}
        subtitle={t('usage.all.subtitle')}
        reads={{
          commands: [['usage', 'list', '--start', period.start, '--end', period.end]],
          requests: ['/api/os/compute/os-simple-tenant-usage', '/api/os/identity/projects', '/api/os/identity/domains'],
        }}
      />
      <PeriodForm
        key={`${period.start}/${period.end}`}
        period={period}
        onApply={setPeriod}
        downloadDisabled={rows.length === 0}
        onDownload={() => downloadCsv(`usage-all-projects-${period.start}-${period.end}.csv`, projectUsageCsv(table.sorted))}
      />
      {usage.isSuccess && <UsageFigures totals={overall} />}
      <DataTable
        testId="all-usage-table"
        // The report's own download has the raw hours.
        exportable={false}
        label={t('usage.all.table')}
        columns={columns}
        rows={table.rows}
        rowId={(row) => row.projectId}
        rowName={(row) => row.projectName}
        sorting={table.sorting}
        onSortingChange={table.onSortingChange}
        placeholder={listPlaceholder({ query: usage, empty: table.rows.length === 0, loading: t('usage.loading'), emptyTitle: t('usage.all.empty') })}
        pagination={table.pagination}
      />
    </div>
  );
}
