// The project's security groups: one Neutron page as the URL says (size, position, sort, name), what each one
// lets in and out, row menus, bulk delete, and "Create security group".
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { identifyProject, useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import { neutronPageWindow } from '../../../lib/api/neutron-paging';
import { useScope } from '../../../lib/scope';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { inputClass } from '../../../lib/ui/form-controls';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { PageHeader, RefreshButton } from '../../../lib/ui/page-header';
import { useUrlList } from '../../../lib/ui/use-url-list';
import { bulkGroupActions, createGroup, groupActions, identifyGroup } from '../actions';
import { useSecurityGroupPage } from '../../../resources/security-groups/security-groups';
import { listCodec } from '../../../resources/security-groups/list-state';
import type { SecurityGroup } from '../../../resources/security-groups/types';
import { InUseExplanations } from './group-members';

function NameFilter({ value, onApply }: { value: string; onApply: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(value);
  return (
    <form
      className="mb-3 flex items-end gap-2"
      role="search"
      aria-label={t('security-groups.list.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(name.trim());
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-fg">{t('security-groups.list.nameFilter')}</span>
        <input className={`${inputClass} w-64`} value={name} onChange={(event) => setName(event.target.value)} data-testid="filter-name" />
      </label>
      <Button type="submit" data-testid="apply-filters">
        {t('security-groups.list.applyFilter')}
      </Button>
    </form>
  );
}

export function SecurityGroupsPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const list = useUrlList(listCodec);
  const state = list.state;
  const page = useSecurityGroupPage(state);
  const shown = useMemo(() => neutronPageWindow(state, page.data?.items ?? []), [state, page.data]);
  const rows = shown.rows;
  const actions = useResourceActions({ actions: groupActions, identify: identifyGroup });
  const creation = useResourceActions({ actions: [], identify: identifyProject });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((group) => selection[group.id]);

  const columns = useMemo<ColumnDef<SecurityGroup>[]>(() => {
    const count = (group: SecurityGroup, direction: 'ingress' | 'egress') =>
      group.security_group_rules.filter((rule) => rule.direction === direction).length;
    return [
      {
        id: 'name',
        header: t('security-groups.columns.name'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/security-groups/${row.original.id}`} className="font-medium text-brand hover:underline" data-testid="group-name">
            {row.original.name || row.original.id}
          </Link>
        ),
      },
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
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('security-groups.list.rowActionsColumn')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu
              label={t('security-groups.list.rowActions', { name: row.original.name || row.original.id })}
              items={actions.menuItems(row.original, groupActions)}
              testId="row-actions"
            />
          </div>
        ),
      },
    ];
  }, [t, actions]);

  const placeholder = listPlaceholder({
    query: page,
    empty: rows.length === 0,
    loading: t('security-groups.list.loading'),
    emptyTitle: list.filtered ? t('security-groups.list.noMatch') : t('security-groups.list.empty'),
    emptyHint: list.filtered ? (
      <button type="button" className="text-brand underline" onClick={list.clearFilters}>
        {t('security-groups.list.clearFilters')}
      </button>
    ) : (
      t('security-groups.list.emptyHint')
    ),
  });

  return (
    <div className="px-6 py-6">
      <PageHeader
        title={t('security-groups.list.title')}
        subtitle={t('security-groups.list.subtitle', { project: scope.projectName, region: scope.region })}
        actions={
          <>
            <RefreshButton query={page} />
            <Button
              variant="primary"
              onClick={() => creation.trigger(createGroup, [{ id: scope.projectId, name: scope.projectName }])}
              data-testid="create-group"
            >
              {t('security-groups.actions.create.label')}
            </Button>
          </>
        }
      />

      <NameFilter key={state.filters.name ?? ''} value={state.filters.name ?? ''} onApply={(name) => list.applyFilters(name ? { name } : {})} />

      <BulkBar
        count={selected.length}
        actions={bulkGroupActions}
        onAction={(action) => {
          actions.trigger(action, selected);
          setSelection({});
        }}
      />

      <div className="space-y-3">
        <ActionFailures failures={creation.failures} onDismiss={creation.dismissFailure} />
        <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
        <InUseExplanations failures={actions.failures} />
        <DataTable
          testId="security-groups-table"
          columns={columns}
          rows={rows}
          rowId={(group) => group.id}
          rowName={(group) => group.name || group.id}
          sorting={list.sorting}
          onSortingChange={list.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={placeholder}
          label={t('security-groups.list.table')}
          pagination={list.pagination(shown, (group) => group.id)}
        />
      </div>
      {creation.dialogElement}
      {actions.dialogElement}
    </div>
  );
}
