// The project's security groups: one Neutron page as the URL says (size, position, sort, name), what each one
// lets in and out, row menus, bulk delete, and "Create security group".
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identifyProject, projectTarget, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionButton } from '../../../lib/capabilities/action-button';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import type { ListPage } from '../../../lib/api/openstack-list';
import type { ListUrlState } from '../../../lib/api/page-window';
import { useScope } from '../../../lib/scope';
import { nameLinkColumn, rowActionsColumn } from '../../../lib/ui/columns';
import { FilterForm } from '../../../lib/ui/filter-form';
import { exportTemplateLink } from '../../../lib/template-export';
import { ResourceListPage } from '../../../lib/ui/resource-list-page';
import { TextField } from '../../../lib/ui/text-field';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { bulkGroupActions, createGroup, groupActions, identifyGroup } from '../actions';
import { securityGroupPageQueryOptions, securityGroupsPath, useSecurityGroupPage } from '../../../resources/security-groups/security-groups';
import { filterNames, listCodec } from '../../../resources/security-groups/list-state';
import type { SecurityGroup } from '../../../resources/security-groups/types';
import { InUseExplanations } from './group-members';

// The selected rows handed to the template export page.
const exportLinks = [exportTemplateLink<SecurityGroup>('securityGroup', (group) => group.id)];

const windowOf = (state: ListUrlState<string, string>, page: ListPage<SecurityGroup> | undefined) => neutronPageWindow(state, page?.items ?? []);

export function SecurityGroupsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const page = useSecurityGroupPage(list.state);
  const shown = useMemo(() => windowOf(list.state, page.data), [list.state, page.data]);
  const actions = useResourceActions({ actions: groupActions, identify: identifyGroup });
  const creation = useResourceActions({ actions: [], identify: identifyProject });

  const columns = useMemo<ColumnDef<SecurityGroup>[]>(() => {
    const count = (group: SecurityGroup, direction: 'ingress' | 'egress') =>
      group.security_group_rules.filter((rule) => rule.direction === direction).length;
    return [
      nameLinkColumn({ header: t('security-groups.columns.name'), href: (group) => `/security-groups/${group.id}`, text: (group) => group.name || group.id, testId: 'group-name' }),
      {
        id: 'description',
        header: t('security-groups.columns.description'),
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-1 max-w-80 text-fg-muted">{row.original.description || '—'}</span>,
      },
      {
        id: 'ingress',
        header: t('security-groups.columns.ingress'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="group-ingress-count">{t('security-groups.ruleCount', { count: count(row.original, 'ingress') })}</span>,
      },
      {
        id: 'egress',
        header: t('security-groups.columns.egress'),
        enableSorting: false,
        cell: ({ row }) => <span data-testid="group-egress-count">{t('security-groups.ruleCount', { count: count(row.original, 'egress') })}</span>,
      },
      {
        id: 'stateful',
        header: t('security-groups.columns.stateful'),
        enableSorting: false,
        cell: ({ row }) => (row.original.stateful === false ? t('security-groups.stateless') : t('security-groups.stateful')),
      },
      rowActionsColumn({
        header: t('security-groups.list.rowActionsColumn'),
        label: (group) => t('security-groups.list.rowActions', { name: group.name || group.id }),
        items: (group) => actions.menuItems(group, groupActions),
      }),
    ];
  }, [t, actions]);

  return (
    <ResourceListPage
      title={t('security-groups.list.title')}
      subtitle={t('security-groups.list.subtitle', { project: scope.projectName, region: scope.region })}
      query={page}
      // `openstack security group list` has no name filter: it lists them all.
      reads={{ commands: [['security', 'group', 'list', '--project', scope.projectId]], requests: [{ path: securityGroupsPath, params: { project_id: scope.projectId } }] }}
      headerActions={
        <ActionButton action={createGroup} variant="primary" onClick={() => creation.trigger(createGroup, [projectTarget(scope)])} data-testid="create-group">
          {t('security-groups.actions.create.label')}
        </ActionButton>
      }
      toolbar={
        <FilterForm names={filterNames} filters={list.state.filters} onApply={list.applyFilters} label={t('security-groups.list.filters')} applyLabel={t('security-groups.list.applyFilter')}>
          {(bind) => <TextField label={t('security-groups.list.nameFilter')} {...bind('name')} testId="filter-name" />}
        </FilterForm>
      }
      rowActions={actions}
      bulkActions={bulkGroupActions}
      selectionLinks={exportLinks}
      otherActions={[creation]}
      notices={<InUseExplanations failures={actions.failures} />}
      table={{ testId: 'security-groups-table', label: t('security-groups.list.table'), columns, rowName: (group) => group.name || group.id, ...list.table(shown, (group) => group.id, { query: (position) => securityGroupPageQueryOptions(scope, position), windowOf }) }}
      empty={{
        loading: t('security-groups.list.loading'),
        title: t('security-groups.list.empty'),
        hint: t('security-groups.list.emptyHint'),
        filtered: list.filtered
          ? { noMatch: t('security-groups.list.noMatch'), clear: { label: t('security-groups.list.clearFilters'), onClear: list.clearFilters } }
          : undefined,
      }}
    />
  );
}
