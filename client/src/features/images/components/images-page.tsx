// The images list: one Glance page as the URL says (size, position, sort, filters), row menus and bulk delete.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { pageWindow } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { DataTable } from '../../../lib/ui/data-table';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { bulkImageActions, identifyImage, imageActions } from '../actions';
import { imageListPageQueryOptions } from '../../../resources/images/images';
import { useWebDownloadEnabled } from '../../../resources/images/import-methods';
import { listCodec } from '../../../resources/images/list-state';
import { formatBytes } from '../size';
import type { ImageRecord } from '../../../resources/images/types';
import { ImageStatusBadge } from '../../../resources/images/components/image-status';
import { ImageFilters } from './image-filters';

const muted = <span className="text-fg-muted">—</span>;

export function ImagesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(imageListPageQueryOptions(scope, state));
  const shown = useMemo(() => pageWindow(state, (page.data?.items ?? []) as ImageRecord[]), [state, page.data]);
  const rows = shown.rows;
  const actions = useResourceActions({ actions: imageActions, identify: identifyImage });
  const webDownload = useWebDownloadEnabled();
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

  const placeholder = listPlaceholder({
    query: page,
    empty: rows.length === 0,
    loading: t('images.list.loading'),
    emptyTitle: list.filtered ? t('images.list.noMatch') : t('images.list.empty'),
    emptyHint: list.filtered ? (
      <button type="button" className="text-brand underline" onClick={list.clearFilters}>
        {t('images.list.clearFilters')}
      </button>
    ) : (
      t('images.list.emptyHint')
    ),
  });

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('images.list.title')}
        subtitle={t('images.list.subtitle', { project: scope.projectName, region: scope.region })}
        actions={
          <>
            <RefreshButton query={page} />
            {webDownload.enabled && (
              <Link
                to="/images/import"
                className="inline-flex items-center rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-sunken"
                data-testid="import-image"
              >
                {t('images.list.import')}
              </Link>
            )}
            <Link
              to="/images/upload"
              className="inline-flex items-center rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-hover"
              data-testid="upload-image"
            >
              {t('images.list.upload')}
            </Link>
          </>
        }
      />

      <ImageFilters filters={state.filters} onApply={list.applyFilters} />

      <BulkBar count={selected.length} actions={bulkImageActions} onAction={(action) => actions.trigger(action, selected)} />

      <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
      <div className={actions.failures.length > 0 ? 'mt-3' : undefined}>
        <DataTable
          testId="images-table"
          columns={columns}
          rows={rows}
          rowId={(image) => image.id}
          rowName={(image) => image.name ?? image.id}
          sorting={list.sorting}
          onSortingChange={list.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('images.list.table')}
          pagination={list.pagination(shown, (image) => image.id)}
        />
      </div>
      {actions.dialogElement}
    </div>
  );
}
