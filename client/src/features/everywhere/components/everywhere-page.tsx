// All my instances: every server of every project the user can scope to, in every region, read by one fan-out whose
// lines show as they arrive (everywhere-list.tsx). An instance of another project or region opens after the session
// switches there, since the detail page works in the session's scope. A row's actions (those without input) run in
// the row's own project and region, and the row is polled there until it settles.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ApiError } from '../../../lib/api/api-error';
import { useScope } from '../../../lib/scope';
import { rowActionsColumn } from '../../../lib/ui/columns';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import type { SortValue } from '../../../lib/ui/use-client-pages';
import { everywhereServersQueryOptions, patchEverywhereItem, type EverywhereRow } from '../../../resources/everywhere/everywhere';
import { everywhereRowAction, rowScope } from '../../../resources/everywhere/row-actions';
import { lifecycleServerActions } from '../../../resources/servers/actions';
import { ServerIpList } from '../../../resources/servers/components/server-ips';
import { StatusBadge } from '../../../resources/servers/components/server-status';
import { isSettled } from '../../../resources/servers/server-state';
import { useWatchedServers, watchServer } from '../../../resources/servers/server-watch';
import { useServerPolling } from '../../../resources/servers/servers';
import type { Server } from '../../../resources/servers/types';
import { useSwitchScope } from '../../../resources/session/switch-scope';
import { EverywhereList, everywhereRowId } from './everywhere-list';

type Row = EverywhereRow<Server>;

const serverName = (server: Server) => server.name;
const sortValues: Record<string, SortValue<Row>> = { name: (row) => row.item.name, status: (row) => row.item.status };
const identifyRow = (row: Row) => ({ id: row.item.id, name: row.item.name || row.item.id });
const rowActions = lifecycleServerActions.map(everywhereRowAction);
// Succeeded or refused, the server is read again in its scope until it settles (and, for some, shows the effect). The
// watch is the row's, not the server id's: a cloud whose regions share endpoints lists one server in each region.
const pollAfter = (row: Row, action: ActionSummary<Row>) => {
  const done = action.done;
  watchServer(everywhereRowId(row), done && ((server: Server) => done({ ...row, item: server })));
};

const serversKey = everywhereServersQueryOptions().queryKey;

// What the "API" panel shows: the fan-out's one call, and the command that reads one project × region of it.
const reads = { commands: [['server', 'list', '--long']], requests: [`/api/everywhere/compute/servers/detail`] };

export function EverywherePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const read = useQuery(everywhereServersQueryOptions());
  const actions = useResourceActions<Row>({ actions: rowActions, identify: identifyRow, scopeOf: rowScope, onAttempted: pollAfter });
  const watched = useWatchedServers();

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
      {
        id: 'status',
        header: t('everywhere.columns.status'),
        enableSorting: true,
        cell: ({ row }) => <StatusBadge server={row.original.item} pending={watched.has(everywhereRowId(row.original))} />,
      },
      { id: 'ips', header: t('everywhere.columns.ips'), enableSorting: false, cell: ({ row }) => <ServerIpList addresses={row.original.item.addresses} /> },
      { id: 'flavor', header: t('everywhere.columns.flavor'), enableSorting: false, cell: ({ row }) => <span data-testid="server-flavor">{row.original.item.flavor.original_name}</span> },
      rowActionsColumn({
        header: t('everywhere.columns.actions'),
        label: (row) => t('everywhere.rowActions', { name: row.item.name || row.item.id, project: row.project.name, region: row.region }),
        items: (row) => actions.menuItems(row),
      }),
    ],
    [t, scope.projectId, scope.region, open, watched, actions],
  );
  const changing = (read.data?.rows ?? []).filter((row) => watched.has(everywhereRowId(row)) || !isSettled(row.item));

  return (
    <EverywhereList
      query={read}
      reads={reads}
      words="everywhere"
      columns={columns}
      sortValues={sortValues}
      name={serverName}
      testIdPrefix="server"
      tableTestId="everywhere-table"
      rowActions={actions}
      notices={
        switchScope.isError &&
        switchScope.variables && (
          <div className="space-y-1">
            <p className="text-sm text-danger">
              {t('everywhere.switchFailed', {
                project: read.data?.projects.find((project) => project.id === switchScope.variables.projectId)?.name ?? switchScope.variables.projectId,
                region: switchScope.variables.region,
              })}
            </p>
            <ErrorNotice error={switchScope.error} />
          </div>
        )
      }
    >
      {changing.map((row) => (
        <RowPoller key={everywhereRowId(row)} row={row} />
      ))}
    </EverywhereList>
  );
}

/** Polls one changing row's server in its own project and region; each answer replaces the row. Renders nothing. */
function RowPoller({ row }: { row: Row }) {
  const { id: projectId } = row.project;
  // The row is a new object after each patch: the scope is kept by value, so the poll and effects stay as they are.
  const scope = useMemo(() => ({ projectId, region: row.region }), [projectId, row.region]);
  const { data, error } = useServerPolling(scope, row.item.id, { watchKey: everywhereRowId(row) });
  const queryClient = useQueryClient();
  const key = serversKey;
  useEffect(() => {
    if (data) patchEverywhereItem(queryClient, key, scope, data.id, data);
  }, [data, queryClient, key, scope]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) patchEverywhereItem<Server>(queryClient, key, scope, row.item.id, null);
  }, [error, queryClient, key, scope, row.item.id]);
  return null;
}
