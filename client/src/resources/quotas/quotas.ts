// Reading and writing any project's quotas (admin): one call per service, each answer normalised to
// used/limit per key so the review table and the edit form need not know each service's dialect.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { mapBounded } from '../../lib/api/bounded';
import { scopedQueryKeys } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { hasService } from '@contract/service-types';
import { quotaPath as octaviaQuotaPath } from '../load-balancers/load-balancers';
import { fetchOctaviaUsage } from '../load-balancers/quotas';
import type { KeystoneProject } from '@contract/projects';
import {
  blockStorageQuotaKeys,
  computeQuotaKeys,
  loadBalancerQuotaKeys,
  networkQuotaKeys,
  type CinderQuotaDetail,
  type NeutronQuotaDetail,
  type NovaQuotaDetail,
  type ProjectQuotas,
  type QuotaService,
  type ServiceQuotas,
} from './types';

export const quotaKeys = scopedQueryKeys('admin', 'quotas');

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

export async function fetchLoadBalancerQuotas(projectId: string, signal?: AbortSignal) {
  return pick(loadBalancerQuotaKeys, await fetchOctaviaUsage(projectId, signal), (value) => value);
}

const settle = <T>(answer: Promise<T>) => answer.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** One project's quotas (Octavia's too when asked); a service that fails does not hide the others. */
export async function fetchProjectQuotas(projectId: string, signal?: AbortSignal, { loadBalancer = false } = {}): Promise<ProjectQuotas> {
  const [compute, network, blockStorage, loadBalancerQuotas] = await Promise.all([
    settle(fetchComputeQuotas(projectId, signal)),
    settle(fetchNetworkQuotas(projectId, signal)),
    settle(fetchBlockStorageQuotas(projectId, signal)),
    loadBalancer ? settle(fetchLoadBalancerQuotas(projectId, signal)) : undefined,
  ]);
  return { compute, network, 'block-storage': blockStorage, ...(loadBalancerQuotas ? { 'load-balancer': loadBalancerQuotas } : {}) };
}

/** Every project's quotas, `reviewConcurrency` projects at a time, with progress. */
export function fetchAllProjectQuotas(
  projects: readonly KeystoneProject[],
  onAnswer: (project: KeystoneProject, quotas: ProjectQuotas | Error, done: number) => void,
  signal?: AbortSignal,
) {
  return mapBounded(projects, reviewConcurrency, (project) => fetchProjectQuotas(project.id, signal), {
    onSettled: ({ index, result, done }) => onAnswer(projects[index]!, result, done),
    signal,
  });
}

export function useTargetQuotas(target: QuotaTarget) {
  const scope = useScope();
  const id = target.kind === 'project' ? target.projectId : 'defaults';
  return useQuery({
    queryKey: quotaKeys.detail(scope, id),
    queryFn: ({ signal }) =>
      target.kind === 'project'
        ? fetchProjectQuotas(target.projectId, signal, { loadBalancer: hasService(scope.services, 'load-balancer') })
        : fetchDefaultQuotas(scope.projectId, signal),
  });
}

/**
 * The defaults every project starts from: Nova's and Cinder's "default" quota class (editable), Neutron's from
 * its configuration (read here through any project's /default, since Neutron has no API to change them).
 */
export async function fetchDefaultQuotas(projectId: string, signal?: AbortSignal): Promise<ProjectQuotas> {
  const asLimit = (limit: number) => ({ used: 0, limit });
  const [compute, network, blockStorage] = await Promise.all([
    settle(
      api
        .get<{ quota_class_set: Record<string, number> }>('/api/os/compute/os-quota-class-sets/default', { microversion: quotaClassMicroversion, signal })
        .then(({ quota_class_set }) => pick(computeQuotaKeys, quota_class_set, asLimit)),
    ),
    settle(
      api
        .get<{ quota: Record<string, number> }>(`/api/os/network/v2.0/quotas/${encodeURIComponent(projectId)}/default`, { signal })
        .then(({ quota }) => pick(networkQuotaKeys, quota, asLimit)),
    ),
    settle(
      api
        .get<{ quota_class_set: Record<string, number> }>('/api/os/block-storage/os-quota-class-sets/default', { signal })
        .then(({ quota_class_set }) => pick(blockStorageQuotaKeys, quota_class_set, asLimit)),
    ),
  ]);
  return { compute, network, 'block-storage': blockStorage };
}

/** Whose quotas a form edits: one project's, or the defaults of every project. */
export type QuotaTarget = { kind: 'project'; projectId: string } | { kind: 'defaults' };

/** Neutron's and Octavia's default quotas live in their configuration files, not behind an API. */
export const editableServices = (target: QuotaTarget): readonly QuotaService[] =>
  target.kind === 'project' ? ['compute', 'network', 'block-storage', 'load-balancer'] : ['compute', 'block-storage'];

/** Nova's quota classes without the nova-network leftovers (2.57). */
const quotaClassMicroversion = '2.57';

interface QuotaUpdateRequest {
  path: string;
  body: unknown;
  microversion?: string;
}

/** The calls of a quota update, one per service with changes (each service names its body differently). */
export function quotaUpdateRequests(target: QuotaTarget, changes: Partial<Record<QuotaService, Record<string, number>>>, force: boolean): QuotaUpdateRequest[] {
  const requests: QuotaUpdateRequest[] = [];
  const changed = (service: QuotaService) => Object.keys(changes[service] ?? {}).length > 0;
  if (target.kind === 'defaults') {
    if (changed('compute')) requests.push({ path: '/api/os/compute/os-quota-class-sets/default', body: { quota_class_set: changes.compute }, microversion: quotaClassMicroversion });
    if (changed('block-storage')) requests.push({ path: '/api/os/block-storage/os-quota-class-sets/default', body: { quota_class_set: changes['block-storage'] } });
    return requests;
  }
  const id = encodeURIComponent(target.projectId);
  // Nova refuses a limit below usage unless forced: the form only forces after the user confirmed it.
  if (changed('compute')) requests.push({ path: `/api/os/compute/os-quota-sets/${id}`, body: { quota_set: { ...changes.compute, ...(force ? { force: true } : {}) } } });
  if (changed('network')) requests.push({ path: `/api/os/network/v2.0/quotas/${id}`, body: { quota: changes.network } });
  if (changed('block-storage')) requests.push({ path: `/api/os/block-storage/os-quota-sets/${id}`, body: { quota_set: changes['block-storage'] } });
  if (changed('load-balancer')) requests.push({ path: octaviaQuotaPath(target.projectId), body: { quota: changes['load-balancer'] } });
  return requests;
}

export async function updateQuotas(target: QuotaTarget, changes: Partial<Record<QuotaService, Record<string, number>>>, force: boolean) {
  for (const request of quotaUpdateRequests(target, changes, force)) await api.put(request.path, request.body, { microversion: request.microversion });
}
