// Admin, read-only: who and what exists in Keystone, for context when reviewing quotas: projects, users and
// role assignments (who has which role on which project or domain), searchable.
import type { ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../lib/ui/data-table';
import { inputClass } from '../../../lib/ui/form-controls';
import { listPlaceholder, type ListQueryState } from '../../../lib/ui/list-placeholder';
import { PageHeader } from '../../../lib/ui/page-header';
import { Tabs, useTabParam } from '../../../lib/ui/tabs';
import { useClientPages, type SortValue } from '../../../lib/ui/use-client-pages';
import type { PageReads } from '../../../lib/ui/api-reads';
import { useProjectsAndDomains, useRoleAssignments, useUsers } from '../../../resources/identity/identity';
import type { KeystoneProject as IdentityProject } from '@contract/projects';
import type { IdentityUser, RoleAssignment } from '../../../resources/identity/types';

const tabs = ['projects', 'users', 'assignments'] as const;

function SearchableTable<Row>({
  rows,
  query,
  columns,
  sortValues,
  initialSort,
  rowId,
  rowName,
  searchText,
  label,
  testId,
}: {
  rows: readonly Row[] | undefined;
  query: ListQueryState;
  columns: ColumnDef<Row>[];
  sortValues: Record<string, SortValue<Row>>;
  initialSort: { id: string; desc: boolean };
  rowId: (row: Row) => string;
  rowName: (row: Row) => string;
  searchText: (row: Row) => string;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle ? rows?.filter((row) => searchText(row).toLowerCase().includes(needle)) : rows;
  }, [rows, search, searchText]);
  const table = useClientPages(shown, { sortValues, initialSort, tieBreak: Object.values(sortValues)[0]! });
  return (
    <>
      <label className="mb-3 block max-w-sm text-sm text-fg-muted">
        {t('identity.search')}
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={clsx(inputClass, 'mt-1')} data-testid="identity-search" />
      </label>
      <DataTable
        testId={testId}
        label={label}
        columns={columns}
        rows={table.rows}
        rowId={rowId}
        rowName={rowName}
        sorting={table.sorting}
        onSortingChange={table.onSortingChange}
        pagination={table.pagination}
        placeholder={listPlaceholder({ query, empty: table.rows.length === 0, loading: t('identity.loading'), emptyTitle: t('identity.empty') })}
      />
    </>
  );
}

const projectSort: Record<string, SortValue<IdentityProject>> = { name: (project) => project.name, enabled: (project) => String(project.enabled) };
const userSort: Record<string, SortValue<IdentityUser>> = { name: (user) => user.name, enabled: (user) => String(user.enabled) };
const assigneeOf = (assignment: RoleAssignment) => assignment.user?.name ?? assignment.group?.name ?? '';
const scopeOf = (assignment: RoleAssignment) => assignment.scope.project?.name ?? assignment.scope.domain?.name ?? (assignment.scope.system ? 'system' : '');
const assignmentSort: Record<string, SortValue<RoleAssignment>> = { assignee: assigneeOf, role: (assignment) => assignment.role.name, scope: scopeOf };
const byName = { id: 'name', desc: false };

const reads: PageReads = {
  commands: [
    ['project', 'list', '--long'],
    ['domain', 'list'],
    ['user', 'list', '--long'],
    ['role', 'assignment', 'list', '--names'],
  ],
  requests: ['/api/os/identity/projects', '/api/os/identity/domains', '/api/os/identity/users', { path: '/api/os/identity/role_assignments', params: { include_names: 'true' } }],
};

export function IdentityPage() {
  const { t } = useTranslation();
  const [tab, selectTab] = useTabParam(tabs);
  const identity = useProjectsAndDomains();
  const users = useUsers();
  const assignments = useRoleAssignments();
  const domainName = useMemo(() => new Map(identity.data?.domains.map((domain) => [domain.id, domain.name])), [identity.data]);
  const yesNo = (value: boolean) => (value ? t('identity.yes') : t('identity.no'));

  const projectColumns = useMemo<ColumnDef<IdentityProject>[]>(
    () => [
      { id: 'name', header: t('identity.columns.name'), enableSorting: true, cell: ({ row }) => <Link to={`/admin/quotas/${row.original.id}`} className="font-medium text-brand hover:underline">{row.original.name}</Link> },
      { id: 'domain', header: t('identity.columns.domain'), enableSorting: false, cell: ({ row }) => domainName.get(row.original.domain_id) ?? row.original.domain_id },
      { id: 'enabled', header: t('identity.columns.enabled'), enableSorting: true, cell: ({ row }) => yesNo(row.original.enabled) },
      { id: 'description', header: t('identity.columns.description'), enableSorting: false, cell: ({ row }) => row.original.description || '—' },
      { id: 'id', header: t('identity.columns.id'), enableSorting: false, cell: ({ row }) => <code className="text-xs">{row.original.id}</code> },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- yesNo only depends on t
    [t, domainName],
  );
  const userColumns = useMemo<ColumnDef<IdentityUser>[]>(
    () => [
      { id: 'name', header: t('identity.columns.name'), enableSorting: true, cell: ({ row }) => <span className="font-medium text-fg">{row.original.name}</span> },
      { id: 'domain', header: t('identity.columns.domain'), enableSorting: false, cell: ({ row }) => domainName.get(row.original.domain_id) ?? row.original.domain_id },
      { id: 'enabled', header: t('identity.columns.enabled'), enableSorting: true, cell: ({ row }) => yesNo(row.original.enabled) },
      { id: 'email', header: t('identity.columns.email'), enableSorting: false, cell: ({ row }) => row.original.email || '—' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- yesNo only depends on t
    [t, domainName],
  );
  const assignmentColumns = useMemo<ColumnDef<RoleAssignment>[]>(
    () => [
      { id: 'assignee', header: t('identity.columns.assignee'), enableSorting: true, cell: ({ row }) => <span className="font-medium text-fg">{assigneeOf(row.original)}{row.original.group && ` (${t('identity.group')})`}</span> },
      { id: 'role', header: t('identity.columns.role'), enableSorting: true, cell: ({ row }) => row.original.role.name },
      { id: 'scope', header: t('identity.columns.scope'), enableSorting: true, cell: ({ row }) => scopeOf(row.original) },
      { id: 'scopeKind', header: t('identity.columns.scopeKind'), enableSorting: false, cell: ({ row }) => t(row.original.scope.project ? 'identity.scopes.project' : row.original.scope.domain ? 'identity.scopes.domain' : 'identity.scopes.system') },
    ],
    [t],
  );

  return (
    <div className="px-6 py-6">
      <PageHeader title={t('identity.title')} subtitle={t('identity.subtitle')} reads={reads} />
      <Tabs tabs={tabs} current={tab} onSelect={selectTab} label={t('identity.title')} tabLabel={(name) => t(`identity.tabs.${name}`)}>
        {tab === 'projects' && (
          <SearchableTable key="projects" rows={identity.data?.projects} query={identity} columns={projectColumns} sortValues={projectSort} initialSort={byName} rowId={(project) => project.id} rowName={(project) => project.name} searchText={(project) => `${project.name} ${project.id} ${project.description ?? ''}`} label={t('identity.tabs.projects')} testId="projects-table" />
        )}
        {tab === 'users' && (
          <SearchableTable key="users" rows={users.data} query={users} columns={userColumns} sortValues={userSort} initialSort={byName} rowId={(user) => user.id} rowName={(user) => user.name} searchText={(user) => `${user.name} ${user.id} ${user.email ?? ''}`} label={t('identity.tabs.users')} testId="users-table" />
        )}
        {tab === 'assignments' && (
          <SearchableTable key="assignments" rows={assignments.data} query={assignments} columns={assignmentColumns} sortValues={assignmentSort} initialSort={{ id: 'assignee', desc: false }} rowId={(assignment) => `${assignment.user?.id ?? assignment.group?.id}/${assignment.role.id}/${assignment.scope.project?.id ?? assignment.scope.domain?.id ?? 'system'}`} rowName={assigneeOf} searchText={(assignment) => `${assigneeOf(assignment)} ${assignment.role.name} ${scopeOf(assignment)}`} label={t('identity.tabs.assignments')} testId="assignments-table" />
        )}
      </Tabs>
    </div>
  );
}
