// Every security group action, declared once (lib/actions): the Neutron (or Nova) call and the `openstack` command
// doing the same. Neutron answers synchronously; what it refuses (a group in use, a duplicate rule) comes back with
// its message, shown as it comes.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration, ProjectTarget } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import type { GroupSettings } from './inputs';
import { portKeys } from '../../resources/ports/ports';
import { serverKeys } from '../../resources/servers/servers';
import {
  groupMemberKeys,
  securityGroupKeys,
  securityGroupPath,
  securityGroupRulePath,
  securityGroupRulesPath,
  securityGroupsPath,
  serverGroupMembershipCli,
  serverGroupMembershipRequest,
} from '../../resources/security-groups/security-groups';
import { AddServerForm, GroupSettingsForm, RuleForm } from './components/action-forms';
import { duplicateOf, emptyRuleDraft, ruleCreateBody, ruleCreateCli, ruleProblems, type RuleDraft } from './rules';
import type { GroupMember, SecurityGroup, SecurityGroupRule } from '../../resources/security-groups/types';

const affectsGroups = (scope: QueryScope) => [securityGroupKeys, groupMemberKeys].map((keys) => keys.all(scope));
/** Membership goes through Nova to the servers' ports: those are read again too. */
const affectsGroupsAndServers = (scope: QueryScope) =>
  [securityGroupKeys, groupMemberKeys, portKeys, serverKeys].map((keys) => keys.all(scope));

export type GroupAction<Input = undefined> = ActionDeclaration<SecurityGroup, Input>;

/** A rule with the group it belongs to (its actions need both). */
export interface RuleTarget {
  group: SecurityGroup;
  rule: SecurityGroupRule;
}

/** A server using a group. */
export interface MemberTarget {
  group: SecurityGroup;
  member: GroupMember;
}

/** Neutron keeps the project's "default" group: it may not be renamed, nor deleted by a project member. */
export const isDefaultGroup = (group: SecurityGroup) => group.name === 'default';

// Neutron's name validator (name_not_default): "default" is reserved, 255 characters at most.
function settingsProblem({ name }: GroupSettings, group?: SecurityGroup): ParseKeys | null {
  const trimmed = name.trim();
  if (group && isDefaultGroup(group)) return null;
  if (trimmed === '') return 'security-groups.problems.nameMissing';
  if (trimmed.toLowerCase() === 'default') return 'security-groups.problems.nameDefault';
  if (trimmed.length > 255) return 'security-groups.problems.nameTooLong';
  return null;
}

export const createGroup: ActionDeclaration<ProjectTarget, GroupSettings> = {
  id: 'create',
  label: 'security-groups.actions.create.label',
  unavailableReason: () => null,
  affects: affectsGroups,
  request: (_project, { name, description }) => [
    { method: 'POST', path: securityGroupsPath, body: { security_group: { name: name.trim(), description: description.trim() } } },
  ],
  cli: (_project, { name, description }) => [
    ['security', 'group', 'create', ...(description.trim() ? ['--description', description.trim()] : []), name.trim()],
  ],
  input: {
    initial: () => ({ name: '', description: '' }),
    invalidReason: (settings) => settingsProblem(settings),
    quota: { service: 'network', adds: () => ({ 'security-groups': 1 }) },
    Form: GroupSettingsForm,
  },
};

/** What changed, so the default group's name is never sent (Neutron refuses any name in its update). */
function settingsChanges(group: SecurityGroup, { name, description }: GroupSettings) {
  return {
    ...(name.trim() !== group.name ? { name: name.trim() } : {}),
    ...(description.trim() !== group.description ? { description: description.trim() } : {}),
  };
}

export const editGroup: GroupAction<GroupSettings> = {
  id: 'edit',
  label: 'security-groups.actions.edit.label',
  unavailableReason: () => null,
  affects: affectsGroupsAndServers,
  request: (group, settings) => [{ method: 'PUT', path: securityGroupPath(group.id), body: { security_group: settingsChanges(group, settings) } }],
  cli: (group, settings) => {
    const { name, description } = settingsChanges(group, settings);
    return [
      [
        'security', 'group', 'set',
        ...(name !== undefined ? ['--name', name] : []),
        ...(description !== undefined ? ['--description', description] : []),
        group.id,
      ],
    ];
  },
  input: {
    initial: (group) => ({ name: group.name, description: group.description }),
    invalidReason: (settings, group) =>
      settingsProblem(settings, group) ?? (Object.keys(settingsChanges(group, settings)).length === 0 ? 'security-groups.problems.unchanged' : null),
    Form: GroupSettingsForm,
  },
};

export const addRule: GroupAction<RuleDraft> = {
  id: 'add-rule',
  label: 'security-groups.actions.add-rule.label',
  unavailableReason: () => null,
  affects: affectsGroupsAndServers,
  request: (group, draft) => [{ method: 'POST', path: securityGroupRulesPath, body: ruleCreateBody(group.id, draft) }],
  cli: (group, draft) => [ruleCreateCli(group.id, draft)],
  input: {
    initial: () => emptyRuleDraft,
    invalidReason: (draft, group) => {
      if (Object.keys(ruleProblems(draft)).length > 0) return 'security-groups.rules.problems.invalid';
      return duplicateOf(draft, group.security_group_rules) ? 'security-groups.rules.problems.duplicate' : null;
    },
    quota: { service: 'network', adds: () => ({ 'security-group-rules': 1 }) },
    Form: RuleForm,
  },
};

export const addServer: GroupAction<{ serverId: string }> = {
  id: 'add-server',
  label: 'security-groups.actions.add-server.label',
  unavailableReason: () => null,
  affects: affectsGroupsAndServers,
  request: (group, { serverId }) => [serverGroupMembershipRequest(serverId, group.id, 'add')],
  cli: (group, { serverId }) => [serverGroupMembershipCli(serverId, group.id, 'add')],
  input: {
    initial: () => ({ serverId: '' }),
    invalidReason: ({ serverId }) => (serverId ? null : 'security-groups.members.chooseServer'),
    Form: AddServerForm,
  },
};

export const deleteGroup: GroupAction = {
  id: 'delete',
  removes: true,
  label: 'security-groups.actions.delete.label',
  unavailableReason: (group) => (isDefaultGroup(group) ? 'security-groups.actions.delete.default' : null),
  affects: affectsGroupsAndServers,
  request: (group) => [{ method: 'DELETE', path: securityGroupPath(group.id) }],
  cli: (group) => [['security', 'group', 'delete', group.id]],
  confirmation: { message: 'security-groups.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Actions on a group, in menu order. */
export const groupActions: readonly AnyActionDeclaration<SecurityGroup>[] = [editGroup, addRule, addServer, deleteGroup];

export const bulkGroupActions = groupActions.filter((action) => action.bulk);

export const deleteRule: ActionDeclaration<RuleTarget> = {
  id: 'delete-rule',
  label: 'security-groups.actions.delete-rule.label',
  unavailableReason: () => null,
  affects: affectsGroups,
  request: ({ rule }) => [{ method: 'DELETE', path: securityGroupRulePath(rule.id) }],
  cli: ({ rule }) => [['security', 'group', 'rule', 'delete', rule.id]],
  confirmation: { message: 'security-groups.actions.delete-rule.confirm', destructive: true },
  bulk: true,
};

export const removeServer: ActionDeclaration<MemberTarget> = {
  id: 'remove-server',
  label: 'security-groups.actions.remove-server.label',
  unavailableReason: () => null,
  affects: affectsGroupsAndServers,
  request: ({ group, member }) => [serverGroupMembershipRequest(member.serverId, group.id, 'remove')],
  cli: ({ group, member }) => [serverGroupMembershipCli(member.serverId, group.id, 'remove')],
  confirmation: { message: 'security-groups.actions.remove-server.confirm' },
};

export const identifyGroup = (group: SecurityGroup) => ({ id: group.id, name: group.name || group.id, page: `/security-groups/${encodeURIComponent(group.id)}` });
export const identifyRule = ({ rule }: RuleTarget) => ({ id: rule.id, name: rule.id });
export const identifyMember = ({ member }: MemberTarget) => ({ id: member.serverId, name: member.serverName ?? member.serverId });
