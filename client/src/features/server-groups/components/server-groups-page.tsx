// The project's server groups: all of them at once (Nova answers the project's groups in one call), sorted and paged
// here, with each group's policy, rule and member count, row menus, bulk delete and "Create server group".
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { PageReads } from '../../../lib/ui/api-reads';
import { serverGroupsPath, useServerGroups } from '../../../resources/server-groups/server-groups';
import type { ServerGroup } from '../../../resources/server-groups/types';
import { bulkServerGroupActions, createServerGroup, identifyServerGroup, serverGroupActions } from '../actions';
import { RulesText } from './rules-text';

const sortValues: Record<string, SortValue<ServerGroup>> = {
  name: (group) => group.name,
  policy: (group) => group.policy,
  members: (group) => group.members.length,
};
const initialSort = { id: 'name', desc: false };

const reads: PageReads = { commands: [['server', 'group', 'list', '--long']], requests: [serverGroupsPath] };

export function ServerGroupsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const groups = useServerGroups();
  const actions = useResourceActions({ actions: serverGroupActions, identify: identifyServerGroup });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const table = useClientPages(groups.data, { sortValues, initialSort, tieBreak: sortValues.name! });

  const columns = useMemo<ColumnDef<ServerGroup>[]>(
    () => [
      nameLinkColumn({ header: t('server-groups.columns.name'), href: (group) => `/server-groups/${group.id}`, text: (group) => group.name || group.id, testId: 'server-group-name' }),
      {
        id: 'policy',
        header: t('server-groups.columns.policy'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="server-group-policy">{t(`server-groups.policy.${row.original.policy}`)}</span>,
      },
      {
        id: 'rules',
        header: t('server-groups.columns.rules'),
        enableSorting: false,
        cell: ({ row }) => <RulesText group={row.original} testId="server-group-rules" />,
      },
      {
        id: 'members',
        header: t('server-groups.columns.members'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="server-group-members">{row.original.members.length}</span>,
      },
      rowActionsColumn({
        header: t('server-groups.columns.actions'),
        label: (group) => t('server-groups.list.rowActions', { name: group.name }),
        items: (group) => actions.menuItems(group),
      }),
    ],
    [t, actions],
  );

  return (
    <ResourceListPage
      title={t('server-groups.list.title')}
      subtitle={t('server-groups.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={groups}
      reads={reads}
      headerActions={
        <ActionButton action={createServerGroup} variant="primary" onClick={() => creation.trigger(createServerGroup, [projectTarget(scope)])} data-testid="create-server-group">
          {t('server-groups.actions.create.label')}
        </ActionButton>
      }
      rowActions={actions}
      bulkActions={bulkServerGroupActions}
      otherActions={[creation]}
      table={{
        testId: 'server-groups-table',
        label: t('server-groups.list.table'),
        columns,
        rows: table.rows,
        selectable: table.sorted,
        rowId: (group) => group.id,
        rowName: (group) => group.name,
        sorting: table.sorting,
        onSortingChange: table.onSortingChange,
        pagination: table.pagination,
      }}
      empty={{ loading: t('server-groups.list.loading'), title: t('server-groups.list.empty'), hint: t('server-groups.list.emptyHint') }}
    />
  );
}
