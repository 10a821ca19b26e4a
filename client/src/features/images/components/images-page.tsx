// The images list: one Glance page as the URL says (size, position, sort, filters), row menus and bulk delete.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { pageWindow } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { bulkImageActions, identifyImage, imageActions } from '../actions';
import { cliOptions, type PageReads } from '../../../lib/ui/api-reads';
import { imageListPageQueryOptions, imagesPath } from '../../../resources/images/images';
import { useWebDownloadEnabled } from '../../../resources/images/import-methods';
import { listCodec, statuses, visibilities, type ListState } from '../../../resources/images/list-state';
import { formatBytes } from '../size';
import type { Image, ImageRecord } from '../../../resources/images/types';
import type { ListPage } from '../../../lib/api/openstack-list';
import { ImageStatusBadge } from '../../../resources/images/components/image-status';
import { ImageFilters } from './image-filters';

const muted = <span className="text-fg-muted">—</span>;

const windowOf = (state: ListState, page: ListPage<Image> | undefined) => pageWindow(state, (page?.items ?? []) as ImageRecord[], page?.nextMarker !== undefined);

/**
 * `openstack image list` with the page's filters: a visibility (`--all` without one, as the page asks Glance), name,
 * status, the project's own images, and the sort (the CLI sorts what it read). It has no disk format filter.
 */
function imageReads(state: ListState, projectId: string): PageReads {
  const { visibility, name, status, mine } = state.filters;
  return {
    commands: [
      [
        'image',
        'list',
        '--long',
        `--${visibilities.find((known) => known === visibility) ?? 'all'}`,
        ...cliOptions([
          ['--name', name],
          ['--status', statuses.find((known) => known === status)],
          ['--project', mine ? projectId : undefined],
        ]),
        '--sort',
        `${state.sort}:${state.direction}`,
      ],
    ],
    requests: [imagesPath, '/api/os/image/v2/info/import'],
  };
}

export function ImagesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(imageListPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const actions = useResourceActions({ actions: imageActions, identify: identifyImage });
  const webDownload = useWebDownloadEnabled();

  const columns = useMemo<ColumnDef<ImageRecord>[]>(() => {
    const text = (value: string | null | undefined) => value || muted;
    // One formatter for every row (one per row costs more than a frame allows on a page of 1000).
    const date = new Intl.DateTimeFormat(language);
    return [
      nameLinkColumn({ header: t('images.columns.name'), href: (image) => `/images/${image.id}`, text: (image) => image.name || image.id, testId: 'image-name' }),
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
            {date.format(new Date(row.original.created_at))}
          </time>
        ),
      },
      rowActionsColumn({
        header: t('images.list.rowActionsColumn'),
        label: (image) => t('images.list.rowActions', { name: image.name ?? image.id }),
        items: (image) => actions.menuItems(image, imageActions),
      }),
    ];
  }, [t, language, actions]);

  return (
    <ResourceListPage
      title={t('images.list.title')}
      subtitle={t('images.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={imageReads(state, scope.projectId)}
      headerActions={
        <>
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
      toolbar={<ImageFilters filters={state.filters} onApply={list.applyFilters} />}
      rowActions={actions}
      bulkActions={bulkImageActions}
      table={{ testId: 'images-table', label: t('images.list.table'), columns, rowName: (image) => image.name ?? image.id, ...list.table(shown, (image) => image.id, { query: (position) => imageListPageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('images.list.loading'),
        title: t('images.list.empty'),
        hint: t('images.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('images.list.noMatch'), clear: { label: t('images.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
    />
  );
}
