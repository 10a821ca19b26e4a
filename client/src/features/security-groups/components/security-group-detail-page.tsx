// One security group (deep link /security-groups/<id>): its fields, its rules (add with templates, delete one or
// many), the servers using it (add one, remove one), and the same actions as the list's row menu.
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { ActionFailures } from '../../../lib/actions/action-failures';
import type { ActionFailure } from '../../../lib/actions/use-action-runner';
import { ApiError } from '../../../lib/api/api-error';
import { BulkBar } from '../../../lib/ui/bulk-bar';
import { Button } from '../../../lib/ui/button';
import { DataTable } from '../../../lib/ui/data-table';
import { BackLink, DetailField, DetailHeader, DetailSection, DetailState } from '../../../lib/ui/detail';
import { listPlaceholder } from '../../../lib/ui/list-placeholder';
import { Menu } from '../../../lib/ui/menu';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import {
  addRule,
  addServer,
  deleteRule,
  groupActions,
  identifyGroup,
  identifyMember,
  identifyRule,
  removeServer,
  type RuleTarget,
} from '../actions';
import type { PageReads } from '../../../lib/ui/api-reads';
import { portsPath } from '../../../resources/ports/ports';
import { securityGroupPath, securityGroupsPath, useGroupMembers, useSecurityGroup, useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { serversPath } from '../../../resources/servers/servers';
import type { GroupMember, SecurityGroup, SecurityGroupRule } from '../../../resources/security-groups/types';
import { InUseExplanations, useMemberColumns } from './group-members';
import { RuleRemote, useRuleFormat } from './rule-text';

const ruleSortValues: Record<string, SortValue<SecurityGroupRule>> = {
  direction: (rule) => rule.direction,
  ethertype: (rule) => rule.ethertype,
  protocol: (rule) => rule.protocol ?? '',
  ports: (rule) => rule.port_range_min ?? -1,
};
const ruleInitialSort = { id: 'direction', desc: false };
const ruleTieBreak: SortValue<SecurityGroupRule> = (rule) => `${rule.protocol ?? ''}-${String(rule.port_range_min ?? -1).padStart(5, '0')}-${rule.id}`;

const memberSortValues: Record<string, SortValue<GroupMember>> = {};
const memberInitialSort = { id: 'server', desc: false };
const memberTieBreak: SortValue<GroupMember> = (member) => member.serverName ?? member.serverId;

/** Neutron's SecurityGroupRuleExists says which rule the new one duplicates: "... Rule id is <id>." */
function duplicatedRuleIds(failures: readonly ActionFailure[]): Set<string> {
  const ids = new Set<string>();
  for (const failure of failures) {
    if (failure.action !== addRule.label || !(failure.error instanceof ApiError) || failure.error.status !== 409) continue;
    const match = /rule id is ([0-9a-f-]{36})/i.exec(failure.error.message);
    if (match?.[1]) ids.add(match[1]);
  }
  return ids;
}

function RulesSection({ group, duplicates }: { group: SecurityGroup; duplicates: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const groups = useSecurityGroups();
  const format = useRuleFormat();
  const actions = useResourceActions({ actions: [deleteRule], identify: identifyRule });
  const pages = useClientPages(group.security_group_rules, { sortValues: ruleSortValues, initialSort: ruleInitialSort, tieBreak: ruleTieBreak });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const targets = (rules: readonly SecurityGroupRule[]): RuleTarget[] => rules.map((rule) => ({ group, rule }));
  const selected = targets(pages.sorted.filter((rule) => selection[rule.id]));

  const columns = useMemo<ColumnDef<SecurityGroupRule>[]>(
    () => [
      {
        id: 'direction',
        header: t('security-groups.rules.fields.direction'),
        enableSorting: true,
        cell: ({ row }) => (
          <span data-testid="rule-direction-value">
            {t(`security-groups.rules.direction.${row.original.direction}`)}
            {duplicates.has(row.original.id) && (
              <span className="ml-2 rounded border border-danger-line bg-danger-soft px-1.5 py-0.5 text-xs font-medium text-danger" data-testid="rule-duplicate-badge">
                {t('security-groups.rules.duplicateBadge')}
              </span>
            )}
          </span>
        ),
      },
      { id: 'ethertype', header: t('security-groups.rules.fields.ethertype'), enableSorting: true, cell: ({ row }) => row.original.ethertype },
      {
        id: 'protocol',
        header: t('security-groups.rules.fields.protocol'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="rule-protocol-value">{format.protocol(row.original)}</span>,
      },
      {
        id: 'ports',
        header: t('security-groups.rules.columns.ports'),
        enableSorting: true,
        cell: ({ row }) => <span data-testid="rule-ports-value">{format.ports(row.original)}</span>,
      },
      { id: 'remote', header: t('security-groups.rules.fields.remote'), enableSorting: false, cell: ({ row }) => <RuleRemote rule={row.original} groups={groups.data} /> },
      {
        id: 'description',
        header: t('security-groups.rules.fields.description'),
        enableSorting: false,
        cell: ({ row }) => <span className="text-fg-muted">{row.original.description || '—'}</span>,
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('security-groups.list.rowActionsColumn')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="text-right">
            <Menu label={t('security-groups.rules.rowActions')} items={actions.menuItems({ group, rule: row.original })} testId="rule-actions" />
          </div>
        ),
      },
    ],
    [t, format, groups.data, actions, group, duplicates],
  );

  return (
    <DetailSection title={t('security-groups.rules.title', { count: group.security_group_rules.length })} testId="rules-section">
      <BulkBar
        count={selected.length}
        actions={[deleteRule]}
        onAction={(action) => {
          actions.trigger(action, selected);
          setSelection({});
        }}
        refusal={(action) => actions.selectionRefusal(action, selected)}
      />
      <div className="space-y-3">
        <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
        <DataTable
          testId="rules-table"
          columns={columns}
          rows={pages.rows}
          rowId={(rule) => rule.id}
          rowName={(rule) => `${rule.direction} ${format.protocol(rule)} ${format.ports(rule)}`}
          sorting={pages.sorting}
          onSortingChange={pages.onSortingChange}
          selection={selection}
          onSelectionChange={setSelection}
          placeholder={group.security_group_rules.length === 0 ? <p className="p-4 text-sm text-fg-muted">{t('security-groups.rules.none')}</p> : undefined}
          label={t('security-groups.rules.table')}
          pagination={pages.pagination}
        />
      </div>
      {actions.dialogElement}
    </DetailSection>
  );
}

function MembersSection({ group, onAddServer }: { group: SecurityGroup; onAddServer: () => void }) {
  const { t } = useTranslation();
  const members = useGroupMembers(group.id);
  const actions = useResourceActions({ actions: [removeServer], identify: identifyMember });
  const menu = useCallback(
    (member: GroupMember) => (
      <Menu label={t('security-groups.members.rowActions', { name: member.serverName ?? member.serverId })} items={actions.menuItems({ group, member })} testId="member-actions" />
    ),
    [t, actions, group],
  );
  const columns = useMemberColumns(menu);
  const pages = useClientPages(members.data, { sortValues: memberSortValues, initialSort: memberInitialSort, tieBreak: memberTieBreak });
  const placeholder = listPlaceholder({
    query: members,
    empty: pages.rows.length === 0,
    loading: t('security-groups.members.loading'),
    emptyTitle: t('security-groups.members.none'),
  });
  return (
    <DetailSection title={t('security-groups.members.title')} testId="members-section">
      <div className="mb-3 flex items-center justify-between gap-3">
        <p className="text-sm text-fg-muted">{t('security-groups.members.explain')}</p>
        <Button onClick={onAddServer} data-testid="add-server">
          {t(addServer.label)}
        </Button>
      </div>
      <div className="space-y-3">
        <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
        <DataTable
          testId="members-table"
          columns={columns}
          rows={pages.rows}
          rowId={(member) => member.serverId}
          rowName={(member) => member.serverName ?? member.serverId}
          sorting={pages.sorting}
          onSortingChange={pages.onSortingChange}
          placeholder={placeholder}
          label={t('security-groups.members.table')}
          pagination={pages.pagination}
        />
      </div>
      {actions.dialogElement}
    </DetailSection>
  );
}

export function SecurityGroupDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useSecurityGroup(id);
  // The group with its rules, the groups its rules name, and its members: the ports using it and their instances.
  const reads: PageReads = {
    commands: [
      ['security', 'group', 'show', id],
      ['security', 'group', 'rule', 'list', '--long', id],
      ['port', 'list', '--security-group', id],
    ],
    requests: [securityGroupPath(id), securityGroupsPath, { path: portsPath, params: { security_groups: id } }, serversPath],
  };
  const onSucceeded = useCallback(
    (_group: SecurityGroup, action: { id: string }) => {
      if (action.id === 'delete') void navigate('/security-groups');
    },
    [navigate],
  );
  const actions = useResourceActions({ actions: groupActions, identify: identifyGroup, onSucceeded });
  const duplicates = useMemo(() => duplicatedRuleIds(actions.failures), [actions.failures]);
  const date = (value: string | undefined) => (value ? new Date(value).toLocaleString(i18n.resolvedLanguage) : '—');

  return (
    <div className="px-6 py-6">
      <BackLink to="/security-groups">{t('security-groups.detail.back')}</BackLink>
      <DetailState query={query} loading={t('security-groups.detail.loading')} deleted={t('security-groups.detail.deleted')} deletedTestId="group-deleted">
        {(group) => (
          <>
            <DetailHeader
              title={group.name || group.id}
              reads={reads}
              status={
                <p className="text-sm text-fg-muted" data-testid="detail-description">
                  {group.description || t('security-groups.detail.noDescription')}
                </p>
              }
              actions={
                <>
                  <Button variant="primary" onClick={() => actions.trigger(addRule, [group])} data-testid="add-rule">
                    {t(addRule.label)}
                  </Button>
                  <Menu
                    label={t('security-groups.detail.actions')}
                    trigger={<span className="px-1 font-medium">{t('security-groups.detail.actions')}</span>}
                    items={actions.menuItems(group, groupActions)}
                    testId="detail-actions"
                  />
                </>
              }
            />
            <div className="space-y-4">
              <ActionFailures failures={actions.failures} onDismiss={actions.dismissFailure} />
              <InUseExplanations failures={actions.failures} />
              <DetailSection title={t('security-groups.detail.overview')}>
                <dl className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-x-6 gap-y-3">
                  <DetailField label={t('security-groups.detail.fields.id')}>
                    <code className="text-xs select-all">{group.id}</code>
                  </DetailField>
                  <DetailField label={t('security-groups.detail.fields.stateful')}>
                    {group.stateful === false ? t('security-groups.stateless') : t('security-groups.stateful')}
                  </DetailField>
                  <DetailField label={t('security-groups.detail.fields.shared')}>{group.shared ? t('security-groups.yes') : t('security-groups.no')}</DetailField>
                  <DetailField label={t('security-groups.detail.fields.created')}>{date(group.created_at)}</DetailField>
                  <DetailField label={t('security-groups.detail.fields.updated')}>{date(group.updated_at)}</DetailField>
                </dl>
              </DetailSection>
              <RulesSection group={group} duplicates={duplicates} />
              <MembersSection group={group} onAddServer={() => actions.trigger(addServer, [group])} />
            </div>
            {actions.dialogElement}
          </>
        )}
      </DetailState>
    </div>
  );
}
