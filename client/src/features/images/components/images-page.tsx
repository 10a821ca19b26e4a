// The images list: one Glance page as the URL says (size, position, sort, filters), row menus and bulk delete.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { pageSizes, pageWindow } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { EmptyState } from '../../../lib/ui/empty-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { RefreshIcon } from '../../../lib/ui/icons';
import { LoadingState } from '../../../lib/ui/loading-state';
import { Menu } from '../../../lib/ui/menu';
import { Spinner } from '../../../lib/ui/spinner';
import { bulkImageActions, imageActions } from '../actions';
import { imagePageQueryOptions } from '../api/images';
import { imagePageRequest, parseListState, serializeListState, sortColumns, type ListState, type SortColumn } from '../list-state';
import { formatBytes } from '../size';
import type { ImageRecord } from '../types';
import { ImageStatusBadge } from './image-status';
import { ImageFilters } from './image-filters';
import { useImageActions } from './use-image-actions';

const muted = <span className="text-fg-muted">—</span>;

export function ImagesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => parseListState(search), [search]);
  const navigateTo = (next: ListState) => setSearch(serializeListState(next));

  const page = useQuery(imagePageQueryOptions(scope, imagePageRequest(state, scope.projectId)));
  const shown = useMemo(() => pageWindow(state, (page.data?.items ?? []) as ImageRecord[]), [state, page.data]);
  const rows = shown.rows;
  const actions = useImageActions();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((image) => selection[image.id]);

  const columns = useMemo<ColumnDef<ImageRecord>[]>(() => {
    const text = (value: string | null | undefined) => value || muted;
    return [
      {
        id: 'name',
        header: t('images.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/images/${row.original.id}`} className="font-medium text-brand hover:underline" data-testid="image-name">
            {row.original.name || row.original.id}
          </Link>
        ),
      },
      { id: 'status', header: t('images.columns.status'), enableSorting: true, cell: ({ row }) => <ImageStatusBadge status={row.original.status} /> },
      {
        id: 'visibility',
        header: t('images.columns.visibility'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="image-visibility">{t(`images.visibility.${row.original.visibility}`)}</span>,
      },
      {
        id: 'protected',
        header: t('images.columns.protected'),
        enableSorting: false,
        cell: ({ row }) => (row.original.protected ? <span data-testid="image-protected">{t('images.yes')}</span> : muted),
      },
      {
        id: 'disk_format',
        header: t('images.columns.disk_format'),
        enableSorting: true,
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {row.original.disk_format ?? '—'} <span className="text-fg-muted">/ {row.original.container_format ?? '—'}</span>
          </span>
        ),
      },
      {
        id: 'size',
        header: t('images.columns.size'),
        enableSorting: true,
        cell: ({ row }) => (row.original.size === null ? muted : <span className="whitespace-nowrap">{formatBytes(row.original.size, language)}</span>),
      },
      { id: 'min_disk', header: t('images.columns.min_disk'), enableSorting: true, cell: ({ row }) => t('images.gib', { count: row.original.min_disk }) },
      { id: 'min_ram', header: t('images.columns.min_ram'), enableSorting: true, cell: ({ row }) => t('images.mib', { count: row.original.min_ram }) },
      {
        id: 'os',
        header: t('images.columns.os'),
        enableSorting: false,
        cell: ({ row }) => text([row.original.os_distro, row.original.os_version].filter(Boolean).join(' ')),
      },
      { id: 'architecture', header: t('images.columns.architecture'), enableSorting: false, cell: ({ row }) => text(row.original.architecture) },
      {
        id: 'created_at',
        header: t('images.columns.created_at'),
        enableSorting: true,
        cell: ({ row }) => (
          <time dateTime={row.original.created_at} className="whitespace-nowrap">
            {new Date(row.original.created_at).toLocaleDateString(language)}
          </time>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('images.list.rowActionsColumn')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu label={t('images.list.rowActions', { name: row.original.name ?? row.original.id })} items={actions.menuItems(row.original, imageActions)} testId="row-actions" />
          </div>
        ),
      },
    ];
  }, [t, language, actions]);

  const sorting: SortingState = [{ id: state.sort, desc: state.direction === 'desc' }];
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    if (!first || !(sortColumns as readonly string[]).includes(first.id)) return;
    navigateTo({ ...state, sort: first.id as SortColumn, direction: first.desc ? 'desc' : 'asc', marker: undefined, before: undefined });
  };

  const filtered = Object.keys(state.filters).length > 0;
  const placeholder = page.error ? (
    <ErrorNotice error={page.error} onRetry={() => void page.refetch()} className="my-2" />
  ) : page.isPending ? (
    <LoadingState label={t('images.list.loading')} />
  ) : rows.length === 0 ? (
    <EmptyState title={filtered ? t('images.list.noMatch') : t('images.list.empty')} className="my-2 border-0">
      {filtered ? (
        <button type="button" className="text-brand underline" onClick={() => navigateTo({ ...state, filters: {}, marker: undefined, before: undefined })}>
          {t('images.list.clearFilters')}
        </button>
      ) : (
        t('images.list.emptyHint')
      )}
    </EmptyState>
  ) : undefined;

  return (
    <div className="px-6 py-6">
      <div className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-fg">{t('images.list.title')}</h1>
          <p className="mt-1 text-sm text-fg-muted">{t('images.list.subtitle', { project: scope.projectName, region: scope.region })}</p>
        </div>
        <div className="flex items-center gap-2">
          <Button onClick={() => void page.refetch()} disabled={page.isFetching} data-testid="refresh-list">
            {page.isFetching ? <Spinner /> : <RefreshIcon />}
            {t('images.list.refresh')}
          </Button>
          <Link
            to="/images/upload"
            className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
            data-testid="upload-image"
          >
            {t('images.list.upload')}
          </Link>
        </div>
      </div>

      <ImageFilters filters={state.filters} onApply={(filters) => navigateTo({ ...state, filters, marker: undefined, before: undefined })} />

      {selected.length > 0 && (
        <div className="mb-3 flex items-center gap-2 rounded-md border border-line bg-brand-soft px-3 py-2 text-sm" role="region" aria-label={t('images.list.bulkActions')} data-testid="bulk-bar">
          <span className="mr-2 font-medium text-fg">{t('images.list.selected', { count: selected.length })}</span>
          {bulkImageActions.map((action) => (
            <Button key={action.id} onClick={() => actions.trigger(action, selected)} data-testid={`bulk-${action.id}`}>
              {t(action.label)}
            </Button>
          ))}
        </div>
      )}

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="images-table"
          columns={columns}
          rows={rows}
          rowId={(image) => image.id}
          rowName={(image) => image.name ?? image.id}
          sorting={sorting}
          onSortingChange={onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          labels={{
            table: t('images.list.table'),
            selectAll: t('images.list.selectAll'),
            selectRow: (name) => t('images.list.selectRow', { name }),
            previousPage: t('images.list.previous'),
            nextPage: t('images.list.next'),
            pageSize: t('images.list.pageSize'),
            sortAscending: t('images.list.sortAscending'),
            sortDescending: t('images.list.sortDescending'),
          }}
          pagination={{
            hasPrevious: shown.hasPrevious,
            hasNext: shown.hasNext,
            onPrevious: () => navigateTo({ ...state, marker: undefined, before: rows[0]?.id }),
            onNext: () => navigateTo({ ...state, before: undefined, marker: rows.at(-1)?.id }),
            pageSize: state.limit,
            pageSizes,
            onPageSizeChange: (limit) => navigateTo({ ...state, limit, marker: undefined, before: undefined }),
          }}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
