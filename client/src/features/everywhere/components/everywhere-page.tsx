// All my instances: every server of every project the user can scope to, in every region, read by one fan-out whose
// lines show as they arrive (resources/everywhere). Project and region are columns and client-side filters; a
// project × region that could not be read is named with its error and a Retry. An instance of another project or
// region opens after the session switches there, since the detail page works in the session's scope.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { everywhereMaxProjects } from '@contract/everywhere';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { Notice } from '../../../lib/ui/notice';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { SelectField } from '../../../lib/ui/select-field';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import { everywhereServersQueryOptions, type EverywhereFailure, type EverywhereRow, type EverywhereState } from '../../../resources/everywhere/everywhere';
import { ServerIpList } from '../../../resources/servers/components/server-ips';
import { StatusBadge } from '../../../resources/servers/components/server-status';
import type { Server } from '../../../resources/servers/types';
import { useSwitchScope } from '../../../resources/session/switch-scope';

type Row = EverywhereRow<Server>;

const rowId = (row: Row) => `${row.region}/${row.project.id}/${row.item.id}`;
const sortValues: Record<string, SortValue<Row>> = {
  name: (row) => row.item.name,
  status: (row) => row.item.status,
  project: (row) => row.project.name,
  region: (row) => row.region,
};
const initialSort = { id: 'project', desc: false };
const tieBreak: SortValue<Row> = (row) => `${row.item.name}\u0000${row.item.id}`;

// What the "API" panel shows: the fan-out's one call, and the command that reads one project × region of it.
const reads = { commands: [['server', 'list', '--long']], requests: [`/api/everywhere/compute/servers/detail`] };

export function EverywherePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const read = useQuery(everywhereServersQueryOptions());
  const state = read.data;
  const [search, setSearch] = useSearchParams();
  const projectFilter = search.get('project') ?? '';
  const regionFilter = search.get('region') ?? '';
  const setFilter = (name: 'project' | 'region', value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const filtered = useMemo(
    () =>
      (state?.rows ?? []).filter(
        (row) => (projectFilter === '' || row.project.id === projectFilter) && (regionFilter === '' || row.region === regionFilter),
      ),
    [state?.rows, projectFilter, regionFilter],
  );
  const pages = useClientPages(filtered, { sortValues, initialSort, tieBreak });

  const switchScope = useSwitchScope();
  const navigate = useNavigate();
  const switchTo = switchScope.mutate;
  const open = useCallback(
    (event: MouseEvent, row: Row) => {
      // The detail page reads in the session's scope: the session moves to the row's project and region first.
      event.preventDefault();
      switchTo({ projectId: row.project.id, region: row.region }, { onSuccess: () => void navigate(`/instances/${row.item.id}`) });
    },
    [switchTo, navigate],
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: 'name',
        header: t('everywhere.columns.name'),
        enableSorting: true,
        cell: ({ row: { original: row } }) => {
          const here = row.project.id === scope.projectId && row.region === scope.region;
          return (
            <Link
              to={`/instances/${row.item.id}`}
              onClick={here ? undefined : (event) => open(event, row)}
              title={here ? undefined : t('everywhere.opensIn', { project: row.project.name, region: row.region })}
              className="font-medium text-brand hover:underline"
              data-testid="server-name"
            >
              {row.item.name || row.item.id}
            </Link>
          );
        },
      },
      { id: 'status', header: t('everywhere.columns.status'), enableSorting: true, cell: ({ row }) => <StatusBadge server={row.original.item} pending={false} /> },
      { id: 'project', header: t('everywhere.columns.project'), enableSorting: true, cell: ({ row }) => <span data-testid="server-project">{row.original.project.name}</span> },
      { id: 'region', header: t('everywhere.columns.region'), enableSorting: true, cell: ({ row }) => <span data-testid="server-region">{row.original.region}</span> },
      {
        id: 'ips',
        header: t('everywhere.columns.ips'),
        enableSorting: false,
        cell: ({ row }) => <ServerIpList addresses={row.original.item.addresses} />,
      },
      { id: 'flavor', header: t('everywhere.columns.flavor'), enableSorting: false, cell: ({ row }) => <span data-testid="server-flavor">{row.original.item.flavor.original_name}</span> },
    ],
    [t, scope.projectId, scope.region, open],
  );

  const filtering = projectFilter !== '' || regionFilter !== '';
  return (
    <ResourceListPage
      title={t('everywhere.title')}
      subtitle={t('everywhere.subtitle')}
      query={read}
      reads={reads}
      toolbar={
        <>
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label={t('everywhere.filters.project')}
              value={projectFilter}
              onChange={(value) => setFilter('project', value)}
              placeholder={t('everywhere.filters.any')}
              options={(state?.projects ?? []).map((project) => ({ value: project.id, label: project.name }))}
              testId="filter-project"
            />
            <SelectField
              label={t('everywhere.filters.region')}
              value={regionFilter}
              onChange={(value) => setFilter('region', value)}
              placeholder={t('everywhere.filters.any')}
              options={(state?.regions ?? []).map((region) => ({ value: region, label: region }))}
              testId="filter-region"
            />
          </div>
          {state && <Progress state={state} fetching={read.isFetching} />}
        </>
      }
      notices={
        <>
          {switchScope.isError && switchScope.variables && (
            <div className="space-y-1">
              <p className="text-sm text-danger">
                {t('everywhere.switchFailed', {
                  project: state?.projects.find((project) => project.id === switchScope.variables.projectId)?.name ?? switchScope.variables.projectId,
                  region: switchScope.variables.region,
                })}
              </p>
              <ErrorNotice error={switchScope.error} />
            </div>
          )}
          {state && <ReadNotices state={state} fetching={read.isFetching} onRetry={() => void read.refetch()} />}
        </>
      }
      table={{
        testId: 'everywhere-table',
        label: t('everywhere.table'),
        columns,
        rows: pages.rows,
        rowId,
        rowName: (row) => row.item.name,
        sorting: pages.sorting,
        onSortingChange: pages.onSortingChange,
        pagination: pages.pagination,
      }}
      empty={{
        loading: t('everywhere.loading'),
        title: t('everywhere.empty'),
        filtered: filtering
          ? { noMatch: t('everywhere.noMatch'), clear: { label: t('everywhere.clearFilters'), onClear: () => setSearch(new URLSearchParams(), { replace: true }) } }
          : undefined,
      }}
    />
  );
}

function Progress({ state, fetching }: { state: EverywhereState<Server>; fetching: boolean }) {
  const { t } = useTranslation();
  if (!fetching && state.ended) return null;
  const label = t('everywhere.progress', { done: state.answered, total: state.expected });
  return (
    <div className="max-w-md text-sm text-fg-muted" data-testid="everywhere-progress">
      <span id="everywhere-progress-label">{label}</span>
      <progress className="mt-1 block h-1.5 w-full accent-brand" max={state.expected} value={state.answered} aria-labelledby="everywhere-progress-label" />
    </div>
  );
}

/** What was not read: failed project × region reads (each named, with Retry), truncated lists, projects over the cap. */
function ReadNotices({ state, fetching, onRetry }: { state: EverywhereState<Server>; fetching: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {!fetching && !state.ended && <Notice testId="everywhere-cut-short">{t('everywhere.cutShort')}</Notice>}
      {state.omittedProjects > 0 && (
        <Notice testId="everywhere-omitted">{t('everywhere.omitted', { count: state.omittedProjects, max: everywhereMaxProjects })}</Notice>
      )}
      {state.truncated.map(({ project, region }) => (
        <Notice key={`${region}/${project.id}`} testId="everywhere-truncated">
          {t('everywhere.truncated', { project: project.name, region })}
        </Notice>
      ))}
      {state.failures.length > 0 && (
        <section role="alert" aria-labelledby="everywhere-not-loaded" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2.5 text-sm text-fg" data-testid="everywhere-not-loaded">
          <div className="flex items-center justify-between gap-3">
            <h2 id="everywhere-not-loaded" className="font-semibold text-danger">
              {t('everywhere.notLoaded.title')}
            </h2>
            <Button onClick={onRetry} disabled={fetching} data-testid="everywhere-retry">
              {t('everywhere.notLoaded.retry')}
            </Button>
          </div>
          <ul className="mt-2 space-y-2">
            {state.failures.map((failure) => (
              <FailureItem key={`${failure.region}/${failure.project.id}`} failure={failure} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function FailureItem({ failure }: { failure: EverywhereFailure }) {
  const { t } = useTranslation();
  const { project, region, error } = failure;
  return (
    <li data-testid="everywhere-failure" data-project={project.name} data-region={region}>
      <p className="font-medium">{t('everywhere.notLoaded.item', { project: project.name, region })}</p>
      <p className="break-words" data-testid="everywhere-failure-message">
        {error.message} <span className="text-fg-muted">(HTTP {error.status})</span>
      </p>
      {error.requestId && (
        <p className="text-xs text-fg-muted">
          {t('everywhere.notLoaded.requestId')}:{' '}
          <code className="font-mono select-all" data-testid="everywhere-failure-request-id">
            {error.requestId}
          </code>
        </p>
      )}
    </li>
  );
}
