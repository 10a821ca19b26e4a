// Octavia's quotas of a project and what the project uses of them. Octavia answers limits only
// (GET /v2/lbaas/quotas/{project_id}, defaults merged in, -1 = unlimited): the usage is counted from the project's
// lists, members from the pools' member ids (members have no project-wide list).
import { api } from '../../lib/api/client';
import { fetchAll, healthMonitorsPath, listenersPath, loadBalancersPath, poolsPath, quotaPath } from './load-balancers';
import type { OctaviaQuota, OctaviaQuotaKey } from './types';

export type OctaviaUsage = Record<OctaviaQuotaKey, { used: number; limit: number }>;

export async function fetchOctaviaQuota(projectId: string, signal?: AbortSignal): Promise<OctaviaQuota> {
  const { quota } = await api.get<{ quota: OctaviaQuota }>(quotaPath(projectId), { signal });
  return quota;
}

export async function fetchOctaviaUsage(projectId: string, signal?: AbortSignal): Promise<OctaviaUsage> {
  const mine = { project_id: projectId };
  const [quota, loadBalancers, listeners, pools, healthMonitors] = await Promise.all([
    fetchOctaviaQuota(projectId, signal),
    fetchAll<{ id: string }>(loadBalancersPath, 'loadbalancers', mine, signal),
    fetchAll<{ id: string }>(listenersPath, 'listeners', mine, signal),
    fetchAll<{ id: string; members: { id: string }[] }>(poolsPath, 'pools', mine, signal),
    fetchAll<{ id: string }>(healthMonitorsPath, 'healthmonitors', mine, signal),
  ]);
  // The misspelled keys Octavia still answers beside the right ones (load_balancer, health_monitor) are ignored.
  const limit = (key: OctaviaQuotaKey) => quota[key] ?? -1;
  return {
    loadbalancer: { used: loadBalancers.length, limit: limit('loadbalancer') },
    listener: { used: listeners.length, limit: limit('listener') },
    pool: { used: pools.length, limit: limit('pool') },
    member: { used: pools.reduce((count, pool) => count + pool.members.length, 0), limit: limit('member') },
    healthmonitor: { used: healthMonitors.length, limit: limit('healthmonitor') },
  };
}
