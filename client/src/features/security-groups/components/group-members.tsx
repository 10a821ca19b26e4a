// The servers using a group: on its detail page (with "remove from this group"), and under a refused delete, to say
// what Neutron's "in use" is about.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionFailure } from '../../../lib/actions/use-action-runner';
import { ApiError } from '../../../lib/api/api-error';
import { QueryGate } from '../../../lib/ui/query-gate';
import { deleteGroup } from '../actions';
import { useGroupMembers } from '../../../resources/security-groups/security-groups';
import type { GroupMember } from '../../../resources/security-groups/types';

function ServerLink({ member }: { member: GroupMember }) {
  return (
    <Link to={`/instances/${member.serverId}`} className="font-medium text-brand hover:underline" data-testid="member-name">
      {member.serverName ?? member.serverId}
    </Link>
  );
}

/** Under a delete Neutron refused because the group is in use: the servers using it now. */
export function GroupInUse({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useGroupMembers(groupId);
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-sm" data-testid="group-in-use">
      <QueryGate query={members} loading={t('security-groups.members.loading')}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('security-groups.members.inUseNoServer')}</p>
          ) : (
            <>
              <p className="mb-1 font-medium">{t('security-groups.members.inUseBy', { count: list.length })}</p>
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {list.map((member) => (
                  <li key={member.serverId}>
                    <ServerLink member={member} />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryGate>
    </div>
  );
}

/** The refused deletes among a page's failures (Neutron's 409 SecurityGroupInUse), each explained. */
export function InUseExplanations({ failures }: { failures: readonly ActionFailure[] }) {
  const refused = failures.filter((failure) => failure.action === deleteGroup.label && failure.error instanceof ApiError && failure.error.status === 409);
  if (refused.length === 0) return null;
  return (
    <div className="space-y-2">
      {refused.map((failure) => (
        <GroupInUse key={failure.key} groupId={failure.resourceId} />
      ))}
    </div>
  );
}

export function useMemberColumns(menu: (member: GroupMember) => React.ReactNode): ColumnDef<GroupMember>[] {
  const { t } = useTranslation();
  return useMemo<ColumnDef<GroupMember>[]>(
    () => [
      { id: 'server', header: t('security-groups.members.columns.server'), enableSorting: false, cell: ({ row }) => <ServerLink member={row.original} /> },
      {
        id: 'ports',
        header: t('security-groups.members.columns.ports'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="font-mono text-xs">
            {row.original.portIds.map((id) => (
              <Link key={id} to={`/ports/${id}`} className="block text-brand hover:underline">
                {id}
              </Link>
            ))}
          </span>
        ),
      },
      { id: 'actions', header: () => <span className="sr-only">{t('security-groups.list.rowActionsColumn')}</span>, enableSorting: false, cell: ({ row }) => <div className="text-right">{menu(row.original)}</div> },
    ],
    [t, menu],
  );
}
