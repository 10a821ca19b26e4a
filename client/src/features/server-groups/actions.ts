// The server group actions, declared once (lib/actions): the Nova call and the `openstack` command doing the same.
// Nova has no update for a group: its name, policy and rules are chosen once, at creation.
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { serverGroupKeys, serverGroupMicroversion, serverGroupPath, serverGroupsPath } from '../../resources/server-groups/server-groups';
import type { ServerGroup } from '../../resources/server-groups/types';
import { ServerGroupForm } from './components/action-forms';
import { draftProblem, ruleOf, type ServerGroupDraft } from './server-group-draft';

const affectsGroups = (scope: QueryScope) => [serverGroupKeys.all(scope)];

export const createServerGroup: ActionDeclaration<ProjectTarget, ServerGroupDraft> = {
  id: 'create',
  label: 'server-groups.actions.create.label',
  unavailableReason: () => null,
  affects: affectsGroups,
  request: (_project, draft) => {
    const rules = ruleOf(draft);
    return [
      {
        method: 'POST',
        path: serverGroupsPath,
        body: { server_group: { name: draft.name, policy: draft.policy, ...(rules ? { rules } : {}) } },
        microversion: serverGroupMicroversion,
      },
    ];
  },
  cli: (_project, draft) => {
    const rules = ruleOf(draft);
    return [
      [
        'server',
        'group',
        'create',
        '--policy',
        draft.policy,
        ...(rules ? ['--rule', `max_server_per_host=${rules.max_server_per_host}`] : []),
        draft.name,
      ],
    ];
  },
  input: {
    initial: () => ({ name: '', policy: 'anti-affinity', maxServerPerHost: '' }),
    invalidReason: draftProblem,
    quota: { service: 'compute', adds: () => ({ 'server-groups': 1 }) },
    Form: ServerGroupForm,
  },
};

export const deleteServerGroup: ActionDeclaration<ServerGroup> = {
  id: 'delete',
  removes: true,
  label: 'server-groups.actions.delete.label',
  // Nova deletes a group with members too: they keep running, outside any group.
  unavailableReason: () => null,
  affects: affectsGroups,
  request: (group) => [{ method: 'DELETE', path: serverGroupPath(group.id), microversion: serverGroupMicroversion }],
  cli: (group) => [['server', 'group', 'delete', group.id]],
  confirmation: { message: 'server-groups.actions.delete.confirm', destructive: true },
  bulk: true,
};

export const serverGroupActions: readonly AnyActionDeclaration<ServerGroup>[] = [deleteServerGroup];
export const bulkServerGroupActions = serverGroupActions.filter((action) => action.bulk);

export const identifyServerGroup = (group: ServerGroup) => ({ id: group.id, name: group.name, page: `/server-groups/${encodeURIComponent(group.id)}` });
