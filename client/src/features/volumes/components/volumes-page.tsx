// The volumes list: one Cinder page as the URL says (size, position, sort, filters), the attached instances' names
// from one Nova call for the whole page once the rows are shown (their cells fill in: lib/ui/lookup-cell; the export
// makes the same call when its rows need it), rows that change polled one by one, row menus and bulk delete.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { linksNextPage } from '../../../lib/api/openstack-list';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { pageWindow } from '../../../lib/api/page-window';
import { relativeAge } from '../../../lib/relative-age';
import { useDateTimeFormat } from '../../../lib/format';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useExportColumns } from '../../../lib/ui/table-export';
import { cliOptions } from '../../../lib/ui/api-reads';
import { lookup, LookupText, useLookupSource, type LookupSource } from '../../../lib/ui/lookup-cell';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { readServerNamesLookup, serverNamesQueryOptions } from '../../../resources/servers/server-names';
import { volumeListParams } from '../../../resources/volumes/list-state';
import { VolumeStatusBadge } from '../../../resources/volumes/components/volume-status';
import { listCodec, type ListState } from '../../../resources/volumes/list-state';
import type { Volume, VolumePage } from '../../../resources/volumes/types';
import { cinderTime, isVolumeSettled } from '../../../resources/volumes/volume-state';
import { useWatchedVolumes } from '../../../resources/volumes/volume-watch';
import { volumePageQueryOptions, volumesPath } from '../../../resources/volumes/volumes';
import { serversPath } from '../../../resources/servers/servers';
import { bulkVolumeActions, createVolume } from '../actions';
import { AcceptVolumeTransferButton, VolumeTransfersSection } from './advanced-transfers';
import { useVolumeActions } from './use-volume-actions';
import { VolumeFilters } from './volume-filters';
import { VolumePoller } from './volume-poller';

const muted = <span className="text-fg-muted">—</span>;

/** The rows of a Cinder answer as the table shows them. */
const isAttached = (volume: Volume) => volume.attachments.length > 0;

const windowOf = (state: ListState, page: VolumePage | undefined) => pageWindow(state, page?.volumes ?? [], linksNextPage(page, 'volumes'));

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<Volume>('volume', (volume) => volume.id)];

export function VolumesPage() {
  const { t, i18n } = useTranslation();
  // One formatter for every row's date (making one per row costs more than a frame allows on a big page).
  const dateTime = useDateTimeFormat();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(volumePageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const rows = shown.rows;
  // The attached instances' names: one read of the project's server names, and only when a row is attached.
  const serverNames = useLookupSource(useQuery({ ...serverNamesQueryOptions(scope), enabled: rows.some(isAttached) }));
  const queryClient = useQueryClient();
  const watched = useWatchedVolumes();
  const actions = useVolumeActions();
  const creation = useResourceActions({ actions: [createVolume], identify: identifyProject });
  // Ages count from when the page was read, so they do not shift while the user looks at them.
  const now = page.dataUpdatedAt;

  const volumeNames = useMemo(() => new Map(rows.map((volume) => [volume.id, volume.name || volume.id])), [rows]);
  const changing = rows.filter((volume) => watched.has(volume.id) || !isVolumeSettled(volume)).map((volume) => volume.id);

  // The columns over a source of server names: the page's read for the table, the export's for its rows.
  const columnsWith = useCallback(
    (serverNames: LookupSource<string, string>): ColumnDef<Volume>[] => [
      nameLinkColumn({ header: t('volumes.columns.name'), href: (volume) => `/volumes/${volume.id}`, text: (volume) => volume.name || volume.id, testId: 'volume-name' }),
      {
        id: 'size',
        header: t('volumes.columns.size'),
        enableSorting: true,
        cell: ({ row }) => <span className="whitespace-nowrap" data-testid="volume-size">{t('volumes.gib', { count: row.original.size })}</span>,
      },
      {
        id: 'status',
        header: t('volumes.columns.status'),
        enableSorting: true,
        cell: ({ row }) => <VolumeStatusBadge status={row.original.status} pending={watched.has(row.original.id)} />,
      },
      { id: 'type', header: t('volumes.columns.type'), enableSorting: false, cell: ({ row }) => <span data-testid="volume-type">{row.original.volume_type ?? '—'}</span> },
      {
        id: 'attached',
        header: t('volumes.columns.attached'),
        enableSorting: false,
        cell: ({ row }) => {
          if (row.original.attachments.length === 0) return muted;
          return (
            <ul className="space-y-0.5" data-testid="volume-attachments">
              {row.original.attachments.map((attachment) => {
                return (
                  <li key={attachment.attachment_id} className="whitespace-nowrap">
                    <Link to={`/instances/${attachment.server_id}`} className="text-brand hover:underline" data-testid="volume-attached-server">
                      <LookupText lookup={lookup(serverNames, attachment.server_id)} id={attachment.server_id} width="lg" />
                    </Link>{' '}
                    <span className="font-mono text-xs text-fg-muted">{attachment.device}</span>
                  </li>
                );
              })}
            </ul>
          );
        },
      },
      {
        id: 'bootable',
        header: t('volumes.columns.bootable'),
        enableSorting: true,
        cell: ({ row }) => (row.original.bootable === 'true' ? <span data-testid="volume-bootable">{t('volumes.yes')}</span> : muted),
      },
      {
        id: 'encrypted',
        header: t('volumes.columns.encrypted'),
        enableSorting: false,
        cell: ({ row }) => (row.original.encrypted ? <span data-testid="volume-encrypted">{t('volumes.yes')}</span> : muted),
      },
      { id: 'availability_zone', header: t('volumes.columns.availability_zone'), enableSorting: true, cell: ({ row }) => row.original.availability_zone },
      {
        id: 'created_at',
        header: t('volumes.columns.created_at'),
        enableSorting: true,
        cell: ({ row }) => (
          <time dateTime={row.original.created_at} title={dateTime(cinderTime(row.original.created_at))} className="whitespace-nowrap">
            {relativeAge(cinderTime(row.original.created_at), now, language)}
          </time>
        ),
      },
      rowActionsColumn({
        header: t('volumes.list.rowActionsColumn'),
        label: (volume) => t('volumes.list.rowActions', { name: volume.name || volume.id }),
        items: (volume) => actions.menuItems(volume),
      }),
    ],
    [t, language, dateTime, watched, actions, now],
  );
  const columns = useMemo(() => columnsWith(serverNames), [columnsWith, serverNames]);
  const exportColumns = useExportColumns(columnsWith, (volumes) => readServerNamesLookup(queryClient, scope, volumes.some(isAttached)));

  return (
    <ResourceListPage
      title={t('volumes.list.title')}
      subtitle={t('volumes.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        // The CLI filters by name and status (the page's "attached" is a status for Cinder); not by bootable or zone.
        commands: [['volume', 'list', '--long', ...cliOptions([['--name', volumeListParams(state).name?.toString()], ['--status', volumeListParams(state).status?.toString()]])]],
        requests: [`${volumesPath}/detail`, serversPath, '/api/os/block-storage/os-availability-zone'],
      }}
      headerActions={
        <>
          <AcceptVolumeTransferButton />
          <ActionButton action={createVolume} variant="primary" onClick={() => creation.trigger(createVolume, [projectTarget(scope)])} data-testid="create-volume">
            {t('volumes.actions.create.label')}
          </ActionButton>
        </>
      }
      toolbar={<VolumeFilters filters={state.filters} onApply={list.applyFilters} />}
      rowActions={actions}
      bulkActions={bulkVolumeActions}
      selectionLinks={exportLinks}
      table={{ testId: 'volumes-table', label: t('volumes.list.table'), columns, exportColumns, rowName: (volume) => volume.name || volume.id, ...list.table(shown, (volume) => volume.id, { query: (position) => volumePageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('volumes.list.loading'),
        title: t('volumes.list.empty'),
        hint: t('volumes.list.emptyHint'),
        filtered: list.filtered ? { noMatch: t('volumes.list.noMatch'), clear: { label: t('volumes.list.clearFilters'), onClear: list.clearFilters } } : undefined,
      }}
      otherActions={[creation]}
    >
      {changing.map((id) => (
        <VolumePoller key={id} scope={scope} id={id} />
      ))}
      {/* Pending transfers only under a list that loaded: a failed list already says why, once. */}
      {page.data && <VolumeTransfersSection volumeNames={volumeNames} />}
    </ResourceListPage>
  );
}
