// The security group actions as a page offers them. Neutron answers synchronously: after every attempt the groups
// (and the servers using them) are read again, so a refusal shows next to the current state. No polling.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { serverKeys } from '../../../resources/servers/servers';
import { portKeys } from '../../../resources/ports/ports';
import { deleteRule, groupActions, removeServer, type MemberTarget, type RuleTarget } from '../actions';
import { groupMemberKeys, securityGroupKeys } from '../../../resources/security-groups/security-groups';
import type { ProjectTarget, SecurityGroup } from '../../../resources/security-groups/types';

/** Membership changes go through Nova to the servers' ports: those are read again too. */
function useGroupInvalidation(withServers: boolean) {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useCallback(() => {
    const keys = withServers ? [securityGroupKeys, groupMemberKeys, portKeys, serverKeys] : [securityGroupKeys, groupMemberKeys];
    for (const key of keys) void queryClient.invalidateQueries({ queryKey: key.all(scope) });
  }, [queryClient, scope, withServers]);
}

const identifyGroup = (group: SecurityGroup) => ({ id: group.id, name: group.name || group.id });

export function useGroupActions({ onSucceeded }: { onSucceeded?: (group: SecurityGroup, action: { id: string }) => void } = {}) {
  const onAttempted = useGroupInvalidation(true);
  return useResourceActions<SecurityGroup>({ actions: groupActions, identify: identifyGroup, onAttempted, onSucceeded });
}

const identifyProject = (project: ProjectTarget) => project;

/** "Create security group" is an action on the project: same dialog, CLI view and failure display as the others. */
export function useGroupCreation() {
  const onAttempted = useGroupInvalidation(false);
  return useResourceActions<ProjectTarget>({ actions: [], identify: identifyProject, onAttempted });
}

const identifyRule = ({ rule }: RuleTarget) => ({ id: rule.id, name: rule.id });

export function useRuleActions() {
  const onAttempted = useGroupInvalidation(false);
  return useResourceActions<RuleTarget>({ actions: [deleteRule], identify: identifyRule, onAttempted });
}

const identifyMember = ({ member }: MemberTarget) => ({ id: member.serverId, name: member.serverName ?? member.serverId });

export function useMemberActions() {
  const onAttempted = useGroupInvalidation(true);
  return useResourceActions<MemberTarget>({ actions: [removeServer], identify: identifyMember, onAttempted });
}
