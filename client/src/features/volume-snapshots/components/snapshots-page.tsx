// The project's volume snapshots: one Cinder page as the URL says (size, position, sort, filters), the volume each
// was taken of (names from one volumes list, not a call per row), row menus, bulk delete and "Create snapshot".
// Rows Cinder is still changing (creating, deleting) are polled until they settle.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { pageWindow, type PagePosition } from '../../../lib/api/page-window';
import type { ListPage } from '../../../lib/api/openstack-list';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { cliOptions } from '../../../lib/ui/api-reads';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { listCodec, snapshotPageRequest } from '../../../resources/volume-snapshots/list-state';
import type { VolumeSnapshot } from '../../../resources/volume-snapshots/types';
import { isSnapshotChanging, volumeSnapshotListPageQueryOptions, volumeSnapshotsPath } from '../../../resources/volume-snapshots/volume-snapshots';
import { useVolumes, volumesPath } from '../../../resources/volumes/volumes';
import { bulkSnapshotActions, createSnapshot, identifySnapshot, snapshotActions } from '../actions';
import { SnapshotFilters } from './snapshot-filters';
import { SnapshotPoller } from './snapshot-poller';
import { SnapshotStatus } from './snapshot-status';

const windowOf = (state: PagePosition, page: ListPage<VolumeSnapshot> | undefined) => pageWindow(state, page?.items ?? []);

export function SnapshotsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;

  const page = useQuery(volumeSnapshotListPageQueryOptions(scope, state));
  const shown = useMemo(() => windowOf(state, page.data), [state, page.data]);
  const volumes = useVolumes();
  const actions = useResourceActions({ actions: snapshotActions, identify: identifySnapshot });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const changing = shown.rows.filter(isSnapshotChanging).map((snapshot) => snapshot.id);

  const columns = useMemo<ColumnDef<VolumeSnapshot>[]>(() => {
    const volumeNames = new Map((volumes.data ?? []).map((volume) => [volume.id, volume.name || volume.id]));
    return [
      nameLinkColumn({
        header: t('volume-snapshots.columns.name'),
        href: (snapshot) => `/volumes/snapshots/${snapshot.id}`,
        text: (snapshot) => snapshot.name || snapshot.id,
        testId: 'snapshot-name',
      }),
      { id: 'size', header: t('volume-snapshots.columns.size'), enableSorting: true, cell: ({ row }) => t('volume-snapshots.gib', { count: row.original.size }) },
      {
        id: 'status',
        header: t('volume-snapshots.columns.status'),
        enableSorting: true,
        cell: ({ row }) => <SnapshotStatus status={row.original.status} progress={row.original['os-extended-snapshot-attributes:progress']} />,
      },
      {
        id: 'volume',
        header: t('volume-snapshots.columns.volume'),
        enableSorting: false,
        cell: ({ row }) => (
          <Link to={`/volumes/${row.original.volume_id}`} className="text-brand hover:underline" data-testid="snapshot-volume">
            {volumeNames.get(row.original.volume_id) ?? row.original.volume_id}
          </Link>
        ),
      },
      {
        id: 'created_at',
        header: t('volume-snapshots.columns.created_at'),
        enableSorting: true,
        cell: ({ row }) => (
          <time dateTime={row.original.created_at} className="whitespace-nowrap">
            {new Date(row.original.created_at).toLocaleString(language)}
          </time>
        ),
      },
      rowActionsColumn({
        header: t('volume-snapshots.list.rowActionsColumn'),
        label: (snapshot) => t('volume-snapshots.list.rowActions', { name: snapshot.name || snapshot.id }),
        items: (snapshot) => actions.menuItems(snapshot),
      }),
    ];
  }, [t, language, actions, volumes.data]);

  return (
    <ResourceListPage
      title={t('volume-snapshots.list.title')}
      subtitle={t('volume-snapshots.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      reads={{
        commands: [
          [
            'volume',
            'snapshot',
            'list',
            '--long',
            ...cliOptions([
              ['--name', snapshotPageRequest(state).name],
              ['--status', snapshotPageRequest(state).status],
              ['--volume', snapshotPageRequest(state).volumeId],
            ]),
          ],
        ],
        // The page's snapshots, and the volumes they were taken from (their names).
        requests: [`${volumeSnapshotsPath}/detail`, `${volumesPath}/detail`],
      }}
      headerActions={
        <ActionButton action={createSnapshot} variant="primary" onClick={() => creation.trigger(createSnapshot, [projectTarget(scope)])} data-testid="create-snapshot">
          {t('volume-snapshots.actions.create.label')}
        </ActionButton>
      }
      toolbar={<SnapshotFilters filters={state.filters} onApply={list.applyFilters} volumes={volumes.data ?? []} />}
      rowActions={actions}
      bulkActions={bulkSnapshotActions}
      otherActions={[creation]}
      table={{
        testId: 'snapshots-table',
        label: t('volume-snapshots.list.table'),
        columns,
        rowName: (snapshot) => snapshot.name || snapshot.id,
        ...list.table(shown, (snapshot) => snapshot.id, { query: (position) => volumeSnapshotListPageQueryOptions(scope, position), windowOf }),
      }}
      empty={{
        loading: t('volume-snapshots.list.loading'),
        title: t('volume-snapshots.list.empty'),
        hint: t('volume-snapshots.list.emptyHint'),
        filtered: list.filtered
          ? { noMatch: t('volume-snapshots.list.noMatch'), clear: { label: t('volume-snapshots.list.clearFilters'), onClear: list.clearFilters } }
          : undefined,
      }}
    >
      {changing.map((id) => (
        <SnapshotPoller key={id} id={id} />
      ))}
    </ResourceListPage>
  );
}
