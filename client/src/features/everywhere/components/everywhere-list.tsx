// The frame of the "All my …" pages: one read across every project and region (resources/everywhere) whose rows show
// as its lines arrive, with Project and Region columns and filters (in the URL), a progress bar, tabs between the
// resource types, and what could not be read: each project × region named with its error, and a Retry.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { everywhereMaxProjects } from '@contract/everywhere';
import type { PageReads } from '../../../lib/ui/api-reads';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { ResourceListPage, type RowActions } from '../../../lib/ui/resource-list-page';
import { SelectField } from '../../../lib/ui/select-field';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { EverywhereFailure, EverywhereRow, EverywhereState } from '../../../resources/everywhere/everywhere';

export interface EverywhereListProps<Item extends { id: string }> {
  query: UseQueryResult<EverywhereState<Item>>;
  reads: PageReads;
  /** The i18n key prefix of the list's own words (title, table, empty, noMatch); subtitle and loading are shared. */
  words: 'everywhere' | 'everywhere.volumes' | 'everywhere.floatingIps';
  /** The item's columns; Project and Region come after the first. */
  columns: ColumnDef<EverywhereRow<Item>>[];
  /** How the item sorts by name (the default order's tie-break) and by the columns that sort. */
  sortValues: Record<string, SortValue<EverywhereRow<Item>>>;
  name: (item: Item) => string;
  /** Prefix of the Project and Region cells' test ids (`server` → server-project). */
  testIdPrefix: string;
  tableTestId: string;
  notices?: ReactNode;
  rowActions?: RowActions<EverywhereRow<Item>>;
  children?: ReactNode;
}

export const everywhereRowId = (row: EverywhereRow<{ id: string }>) => `${row.region}/${row.project.id}/${row.item.id}`;
const initialSort = { id: 'project', desc: false };

export function EverywhereList<Item extends { id: string }>(props: EverywhereListProps<Item>) {
  const { query, words, name, testIdPrefix } = props;
  const { t } = useTranslation();
  const state = query.data;
  const [search, setSearch] = useSearchParams();
  const projectFilter = search.get('project') ?? '';
  const regionFilter = search.get('region') ?? '';
  const setFilter = (filter: 'project' | 'region', value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(filter);
        else next.set(filter, value);
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
  const sortValues = useMemo(
    () => ({ ...props.sortValues, project: (row: EverywhereRow<Item>) => row.project.name, region: (row: EverywhereRow<Item>) => row.region }),
    [props.sortValues],
  );
  const tieBreak = useMemo(() => (row: EverywhereRow<Item>) => `${name(row.item)}\u0000${row.item.id}`, [name]);
  const pages = useClientPages(filtered, { sortValues, initialSort, tieBreak });

  const columns = useMemo<ColumnDef<EverywhereRow<Item>>[]>(() => {
    const [first, ...rest] = props.columns;
    const where: ColumnDef<EverywhereRow<Item>>[] = [
      { id: 'project', header: t('everywhere.columns.project'), enableSorting: true, cell: ({ row }) => <span data-testid={`${testIdPrefix}-project`}>{row.original.project.name}</span> },
      { id: 'region', header: t('everywhere.columns.region'), enableSorting: true, cell: ({ row }) => <span data-testid={`${testIdPrefix}-region`}>{row.original.region}</span> },
    ];
    return first ? [first, ...where, ...rest] : where;
  }, [props.columns, t, testIdPrefix]);

  const filtering = projectFilter !== '' || regionFilter !== '';
  return (
    <ResourceListPage
      title={t(`${words}.title`)}
      subtitle={t('everywhere.subtitle')}
      query={query}
      reads={props.reads}
      rowActions={props.rowActions}
      toolbar={
        <>
          <EverywhereTabs />
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
          {state && <Progress state={state} fetching={query.isFetching} />}
        </>
      }
      notices={
        <>
          {props.notices}
          {state && <ReadNotices state={state} fetching={query.isFetching} onRetry={() => void query.refetch()} />}
        </>
      }
      table={{
        testId: props.tableTestId,
        label: t(`${words}.table`),
        columns,
        rows: pages.rows,
        rowId: everywhereRowId,
        rowName: (row) => name(row.item),
        sorting: pages.sorting,
        onSortingChange: pages.onSortingChange,
        pagination: pages.pagination,
      }}
      empty={{
        loading: t('everywhere.loading'),
        title: t(`${words}.empty`),
        filtered: filtering
          ? { noMatch: t(`${words}.noMatch`), clear: { label: t('everywhere.clearFilters'), onClear: () => setSearch(new URLSearchParams(), { replace: true }) } }
          : undefined,
      }}
    >
      {props.children}
    </ResourceListPage>
  );
}

/** The resource types read across projects, one page each; the filters stay with the page they were set on. */
function EverywhereTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/everywhere', label: t('everywhere.tabs.instances'), testId: 'everywhere-tab-instances' },
    { to: '/everywhere/volumes', label: t('everywhere.tabs.volumes'), testId: 'everywhere-tab-volumes' },
    { to: '/everywhere/floating-ips', label: t('everywhere.tabs.floatingIps'), testId: 'everywhere-tab-floating-ips' },
  ];
  return (
    <nav aria-label={t('everywhere.tabs.label')} className="flex gap-1 border-b border-line">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          data-testid={tab.testId}
          className={({ isActive }) =>
            `-mb-px border-b-2 px-3 py-1.5 text-sm ${isActive ? 'border-brand font-medium text-fg' : 'border-transparent text-fg-muted hover:text-fg'}`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

function Progress({ state, fetching }: { state: EverywhereState<unknown>; fetching: boolean }) {
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
function ReadNotices({ state, fetching, onRetry }: { state: EverywhereState<unknown>; fetching: boolean; onRetry: () => void }) {
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
