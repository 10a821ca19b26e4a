// Keystone reads for admins: every project and domain (quota review, usage, flavor access), users and role
// assignments. Keystone answers 403 to a non-admin, which the pages show as such.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { KeystoneProject } from '@contract/projects';
import type { IdentityDomain, IdentityUser, RoleAssignment } from './types';

export const identityKeys = scopedQueryKeys('identity', 'admin');

export async function fetchProjects(signal?: AbortSignal): Promise<KeystoneProject[]> {
  const projects = await fetchAllPages<KeystoneProject>({ path: '/api/os/identity/projects', collection: 'projects', signal });
  return projects.filter((project) => !project.is_domain).sort((a, b) => a.name.localeCompare(b.name));
}

export function fetchDomains(signal?: AbortSignal): Promise<IdentityDomain[]> {
  return fetchAllPages<IdentityDomain>({ path: '/api/os/identity/domains', collection: 'domains', signal });
}

export const projectsAndDomainsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: identityKeys.list(scope, { view: 'projects-and-domains' }),
    queryFn: async ({ signal }) => {
      const [projects, domains] = await Promise.all([fetchProjects(signal), fetchDomains(signal)]);
      return { projects, domains };
    },
    staleTime: 60_000,
  });

export function useProjectsAndDomains() {
  return useQuery(projectsAndDomainsQueryOptions(useScope()));
}

/** One project, by id: Keystone's 404 when there is no such project. */
export const projectQueryOptions = (scope: QueryScope, projectId: string) =>
  queryOptions({
    queryKey: identityKeys.detail(scope, projectId),
    queryFn: async ({ signal }) =>
      (await api.get<{ project: KeystoneProject }>(`/api/os/identity/projects/${encodeURIComponent(projectId)}`, { signal })).project,
    staleTime: 60_000,
  });

export function useProject(projectId: string) {
  return useQuery(projectQueryOptions(useScope(), projectId));
}

/** Every project of the cloud, by name (the flavor access forms grant a private flavor to any of them). */
export function useAllProjects() {
  const scope = useScope();
  return useQuery({
    queryKey: identityKeys.list(scope, { view: 'projects' }),
    queryFn: ({ signal }) => fetchProjects(signal),
    staleTime: 60_000,
  });
}

export function useUsers() {
  const scope = useScope();
  return useQuery({
    queryKey: identityKeys.list(scope, { view: 'users' }),
    queryFn: ({ signal }) => fetchAllPages<IdentityUser>({ path: '/api/os/identity/users', collection: 'users', signal }),
  });
}

export function useRoleAssignments() {
  const scope = useScope();
  return useQuery({
    queryKey: identityKeys.list(scope, { view: 'role-assignments' }),
    queryFn: ({ signal }) =>
      fetchAllPages<RoleAssignment>({ path: '/api/os/identity/role_assignments', collection: 'role_assignments', params: { include_names: true }, signal }),
  });
}
