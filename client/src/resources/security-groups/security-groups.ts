// The project's security groups (each with its rules): one page for the list, all of them for choosers (so a chooser
// can say what each one opens), one group, and the servers using a group. Neutron lists are always filtered by
// project_id (not the deprecated tenant_id): an admin token would list every project's groups otherwise.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { neutronPageParams } from '../../lib/api/neutron-paging';
import { fetchAllPages, fetchListPage } from '../../lib/api/openstack-list';
import type { ListUrlState } from '../../lib/api/page-window';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { fetchServerNames } from '../servers/server-names';
import { computeMicroversion, serverPath } from '../servers/servers';
import type { Port } from '../ports/types';
import type { GroupMember, SecurityGroup } from './types';

export const securityGroupKeys = scopedQueryKeys('network', 'security-groups');
/** The servers using a group: ports, so cached apart from the groups and refreshed with them. */
export const groupMemberKeys = scopedQueryKeys('network', 'security-group-members');

export const securityGroupsPath = '/api/os/network/v2.0/security-groups';
export const securityGroupPath = (id: string) => `${securityGroupsPath}/${encodeURIComponent(id)}`;
export const securityGroupRulesPath = '/api/os/network/v2.0/security-group-rules';
export const securityGroupRulePath = (id: string) => `${securityGroupRulesPath}/${encodeURIComponent(id)}`;

/** Always the scope's project (project_id, not tenant_id): an admin token would see every project's groups. */
export async function fetchSecurityGroups(projectId: string, signal?: AbortSignal): Promise<SecurityGroup[]> {
  const groups = await fetchAllPages<SecurityGroup>({
    path: securityGroupsPath,
    collection: 'security_groups',
    params: { project_id: projectId },
    signal,
  });
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

export function fetchSecurityGroupPage(projectId: string, state: ListUrlState<string, string>, signal?: AbortSignal) {
  return fetchListPage<SecurityGroup>({
    path: securityGroupsPath,
    collection: 'security_groups',
    params: { project_id: projectId, name: state.filters.name, ...neutronPageParams(state) },
    signal,
  });
}

export async function fetchSecurityGroup(id: string, signal?: AbortSignal): Promise<SecurityGroup> {
  const { security_group } = await api.get<{ security_group: SecurityGroup }>(securityGroupPath(id), { signal });
  return security_group;
}

/** A server's ports carry "compute:<availability zone>" as owner; other owners (routers, DHCP) are not instances. */
const isServerPort = (port: Port) => port.device_owner.startsWith('compute:') && port.device_id !== '';

/**
 * The servers whose ports use the group (the port-security-groups-filtering extension filters ports by group), with
 * their names from Nova. This is what Neutron's "Security Group ... in use" refusal is about.
 */
export async function fetchGroupMembers(projectId: string, groupId: string, signal?: AbortSignal): Promise<GroupMember[]> {
  const [ports, names] = await Promise.all([
    fetchAllPages<Port>({
      path: '/api/os/network/v2.0/ports',
      collection: 'ports',
      params: { project_id: projectId, security_groups: groupId, fields: ['id', 'device_id', 'device_owner'] },
      signal,
    }),
    fetchServerNames(signal),
  ]);
  const members = new Map<string, GroupMember>();
  for (const port of ports.filter(isServerPort)) {
    const member = members.get(port.device_id) ?? { serverId: port.device_id, serverName: names.get(port.device_id), portIds: [] };
    member.portIds.push(port.id);
    members.set(port.device_id, member);
  }
  return [...members.values()].sort((a, b) => (a.serverName ?? a.serverId).localeCompare(b.serverName ?? b.serverId));
}

export const securityGroupsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: securityGroupKeys.all(scope),
    queryFn: ({ signal }) => fetchSecurityGroups(scope.projectId, signal),
  });

export const securityGroupPageQueryOptions = (scope: QueryScope, state: ListUrlState<string, string>) =>
  queryOptions({
    queryKey: securityGroupKeys.list(scope, { view: 'page', name: state.filters.name, ...neutronPageParams(state) }),
    queryFn: ({ signal }) => fetchSecurityGroupPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

export const securityGroupQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: securityGroupKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchSecurityGroup(id, signal),
    // A deleted group stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export const groupMembersQueryOptions = (scope: QueryScope, groupId: string) =>
  queryOptions({
    queryKey: groupMemberKeys.detail(scope, groupId),
    queryFn: ({ signal }) => fetchGroupMembers(scope.projectId, groupId, signal),
  });

export function useSecurityGroups() {
  return useQuery(securityGroupsQueryOptions(useScope()));
}

export function useSecurityGroupPage(state: ListUrlState<string, string>) {
  return useQuery(securityGroupPageQueryOptions(useScope(), state));
}

export function useSecurityGroup(id: string) {
  return useQuery(securityGroupQueryOptions(useScope(), id));
}

export function useGroupMembers(groupId: string, { enabled = true } = {}) {
  return useQuery({ ...groupMembersQueryOptions(useScope(), groupId), enabled });
}

/**
 * Adding a server to a group, or removing it, as `openstack server add/remove security group` does: through Nova
 * (POST /servers/{id}/action), which applies it to every port of the server, with the group's id (a name may be
 * shared by several groups).
 */
export function serverGroupMembershipRequest(serverId: string, groupId: string, change: 'add' | 'remove') {
  const key = change === 'add' ? 'addSecurityGroup' : 'removeSecurityGroup';
  return { method: 'POST' as const, path: `${serverPath(serverId)}/action`, body: { [key]: { name: groupId } }, microversion: computeMicroversion };
}

export function serverGroupMembershipCli(serverId: string, groupId: string, change: 'add' | 'remove'): string[] {
  return ['server', change, 'security', 'group', serverId, groupId];
}
