import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { ProjectsResponse } from '@contract/projects';

const projectsQueryOptions = queryOptions({
  // The user's projects do not depend on the current scope, only on the user (cleared at login and logout).
  queryKey: ['auth', 'projects'] as const,
  queryFn: async ({ signal }) => {
    const { projects } = await api.get<ProjectsResponse>('/api/auth/projects', { signal });
    return projects.filter((project) => project.enabled).sort((a, b) => a.name.localeCompare(b.name));
  },
  staleTime: 5 * 60_000,
});

export function useProjects({ enabled = true } = {}) {
  return useQuery({ ...projectsQueryOptions, enabled });
}
