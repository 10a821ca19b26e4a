// Every project of the cloud, for granting a private flavor: Keystone's GET /v3/projects (the catalog's identity endpoint ends in /v3), which only an admin
// may read (the grant form is only offered to those who may manage flavors).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';

export interface IdentityProject {
  id: string;
  name: string;
  domain_id: string;
}

const projectKeys = scopedQueryKeys('identity', 'projects');

export function useAllProjects() {
  return useQuery({
    queryKey: projectKeys.all(useScope()),
    queryFn: async ({ signal }) => {
      const { projects } = await api.get<{ projects: IdentityProject[] }>('/api/os/identity/projects', { signal });
      return projects.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}
