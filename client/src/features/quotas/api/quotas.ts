// Reading and writing any project's quotas (admin): one call per service, each answer normalised to
// used/limit per key so the review table and the edit form need not know each service's dialect.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { mapBounded } from '../../../lib/api/bounded';
import { fetchAllPages } from '../../../lib/api/openstack-list';
import { scopedQueryKeys } from '../../../lib/api/query-keys';
import { useScope } from '../../../lib/scope';
import {
  blockStorageQuotaKeys,
  computeQuotaKeys,
  networkQuotaKeys,
  type CinderQuotaDetail,
  type IdentityDomain,
  type IdentityProject,
  type NeutronQuotaDetail,
  type NovaQuotaDetail,
  type ProjectQuotas,
  type QuotaService,
  type ServiceQuotas,
} from '../types';

export const quotaKeys = scopedQueryKeys('admin', 'quotas');
export const projectKeys = scopedQueryKeys('identity', 'projects');

/** Parallel calls per service while reading every project: enough to be quick, few enough to spare the cloud. */
export const reviewConcurrency = 8;

function pick<Key extends string, Detail>(keys: readonly Key[], set: Partial<Record<string, Detail>>, read: (detail: Detail) => { used: number; limit: number }): ServiceQuotas<Key> {
  const quotas: ServiceQuotas<Key> = {};
  for (const key of keys) {
    const detail = set[key];
    if (detail !== undefined) quotas[key] = read(detail);
  }
  return quotas;
}

export async function fetchComputeQuotas(projectId: string, signal?: AbortSignal) {
  const { quota_set } = await api.get<{ quota_set: Record<string, NovaQuotaDetail> }>(
    `/api/os/compute/os-quota-sets/${encodeURIComponent(projectId)}/detail`,
    { signal },
  );
  return pick(computeQuotaKeys, quota_set, (detail) => ({ used: detail.in_use + detail.reserved, limit: detail.limit }));
}

export async function fetchNetworkQuotas(projectId: string, signal?: AbortSignal) {
  const { quota } = await api.get<{ quota: Record<string, NeutronQuotaDetail> }>(
    `/api/os/network/v2.0/quotas/${encodeURIComponent(projectId)}/details`,
    { signal },
  );
  return pick(networkQuotaKeys, quota, (detail) => ({ used: detail.used + detail.reserved, limit: detail.limit }));
}

export async function fetchBlockStorageQuotas(projectId: string, signal?: AbortSignal) {
  const { quota_set } = await api.get<{ quota_set: Record<string, CinderQuotaDetail> }>(
    `/api/os/block-storage/os-quota-sets/${encodeURIComponent(projectId)}`,
    { params: { usage: true }, signal },
  );
  return pick(blockStorageQuotaKeys, quota_set, (detail) => ({ used: detail.in_use + detail.reserved, limit: detail.limit }));
}

const settle = <T>(answer: Promise<T>) => answer.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** One project's quotas; a service that fails does not hide the others. */
export async function fetchProjectQuotas(projectId: string, signal?: AbortSignal): Promise<ProjectQuotas> {
  const [compute, network, blockStorage] = await Promise.all([
    settle(fetchComputeQuotas(projectId, signal)),
    settle(fetchNetworkQuotas(projectId, signal)),
    settle(fetchBlockStorageQuotas(projectId, signal)),
  ]);
  return { compute, network, 'block-storage': blockStorage };
}

/** Every project's quotas, `reviewConcurrency` projects at a time, with progress. */
export function fetchAllProjectQuotas(
  projects: readonly IdentityProject[],
  onAnswer: (project: IdentityProject, quotas: ProjectQuotas | Error, done: number) => void,
  signal?: AbortSignal,
) {
  return mapBounded(projects, reviewConcurrency, (project) => fetchProjectQuotas(project.id, signal), {
    onSettled: ({ index, result, done }) => onAnswer(projects[index]!, result, done),
    signal,
  });
}

export async function fetchProjects(signal?: AbortSignal): Promise<IdentityProject[]> {
  const projects = await fetchAllPages<IdentityProject>({ path: '/api/os/identity/projects', collection: 'projects', signal });
  return projects.filter((project) => !project.is_domain);
}

export async function fetchDomains(signal?: AbortSignal): Promise<IdentityDomain[]> {
  return fetchAllPages<IdentityDomain>({ path: '/api/os/identity/domains', collection: 'domains', signal });
}

export function useProjectsAndDomains() {
  const scope = useScope();
  return useQuery({
    queryKey: projectKeys.list(scope, { withDomains: true }),
    queryFn: async ({ signal }) => {
      const [projects, domains] = await Promise.all([fetchProjects(signal), fetchDomains(signal)]);
      return { projects, domains };
    },
  });
}

export function useProjectQuotas(projectId: string) {
  const scope = useScope();
  return useQuery({
    queryKey: quotaKeys.detail(scope, projectId),
    queryFn: ({ signal }) => fetchProjectQuotas(projectId, signal),
  });
}

/** The request bodies of a quota update, one per service with changes (each service names its body differently). */
export function quotaUpdateRequests(projectId: string, changes: Partial<Record<QuotaService, Record<string, number>>>, force: boolean) {
  const id = encodeURIComponent(projectId);
  const requests: { service: QuotaService; path: string; body: unknown }[] = [];
  if (changes.compute && Object.keys(changes.compute).length > 0) {
    // Nova refuses a limit below usage unless forced: the form only forces after the user confirmed it.
    requests.push({ service: 'compute', path: `/api/os/compute/os-quota-sets/${id}`, body: { quota_set: { ...changes.compute, ...(force ? { force: true } : {}) } } });
  }
  if (changes.network && Object.keys(changes.network).length > 0) {
    requests.push({ service: 'network', path: `/api/os/network/v2.0/quotas/${id}`, body: { quota: changes.network } });
  }
  if (changes['block-storage'] && Object.keys(changes['block-storage']).length > 0) {
    requests.push({ service: 'block-storage', path: `/api/os/block-storage/os-quota-sets/${id}`, body: { quota_set: changes['block-storage'] } });
  }
  return requests;
}

export async function updateProjectQuotas(projectId: string, changes: Partial<Record<QuotaService, Record<string, number>>>, force: boolean) {
  for (const request of quotaUpdateRequests(projectId, changes, force)) await api.put(request.path, request.body);
}
