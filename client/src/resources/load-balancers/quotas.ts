// Octavia's quotas of a project and what the project uses of them. Octavia answers limits only
// (GET /v2/lbaas/quotas/{project_id}, defaults merged in, -1 = unlimited): the usage is counted from the project's
// lists, members from the pools' member ids (members have no project-wide list).
import { api } from '../../lib/api/client';
import { fetchAll, healthMonitorsPath, listenersPath, loadBalancersPath, poolsPath, quotaPath } from './load-balancers';
import type { OctaviaQuota, OctaviaQuotaKey } from './types';

const misspelled: Partial<Record<OctaviaQuotaKey, keyof OctaviaQuota>> = { loadbalancer: 'load_balancer', healthmonitor: 'health_monitor' };

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
  // Octavia still answers with the keys misspelled before Rocky (load_balancer, health_monitor), some releases only
  // with those: either spelling is read.
  const limit = (key: OctaviaQuotaKey) => quota[key] ?? quota[misspelled[key] ?? key] ?? -1;
  return {
    loadbalancer: { used: loadBalancers.length, limit: limit('loadbalancer') },
    listener: { used: listeners.length, limit: limit('listener') },
    pool: { used: pools.length, limit: limit('pool') },
    member: { used: pools.reduce((count, pool) => count + pool.members.length, 0), limit: limit('member') },
    healthmonitor: { used: healthMonitors.length, limit: limit('healthmonitor') },
  };
}
