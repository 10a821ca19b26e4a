// Octavia's quotas of a project and what the project uses of them. Octavia answers limits only
// (GET /v2/lbaas/quotas/{project_id}, defaults merged in, -1 = unlimited): the usage is counted from the project's
// lists, members from the pools' member ids (members have no project-wide list). For every project at once (the
// admin's quota review), GET /v2/lbaas/quotas lists only the projects given their own quotas, with null for each
// key left at the default (GET /v2/lbaas/quotas/defaults), and one unfiltered list per kind counts every project's usage.
import { api } from '../../lib/api/client';
import { fetchAll, healthMonitorsPath, listenersPath, loadBalancersPath, poolsPath, quotaDefaultsPath, quotaPath, quotasPath } from './load-balancers';
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
  const limit = (key: OctaviaQuotaKey) => octaviaLimit(quota, key) ?? -1;
  return {
    loadbalancer: { used: loadBalancers.length, limit: limit('loadbalancer') },
    listener: { used: listeners.length, limit: limit('listener') },
    pool: { used: pools.length, limit: limit('pool') },
    member: { used: pools.reduce((count, pool) => count + pool.members.length, 0), limit: limit('member') },
    healthmonitor: { used: healthMonitors.length, limit: limit('healthmonitor') },
  };
}

/**
 * One limit of a quota, null when it is not set. Octavia still answers with the keys misspelled before Rocky
 * (load_balancer, health_monitor), some releases only with those: either spelling is read.
 */
function octaviaLimit(quota: OctaviaQuota, key: OctaviaQuotaKey): number | null {
  return quota[key] ?? quota[misspelled[key] ?? key] ?? null;
}

/** What the quota review counts for every project at once, from lists whose items carry their project_id. */
export type OctaviaReviewKey = Extract<OctaviaQuotaKey, 'loadbalancer' | 'listener' | 'pool'>;

/** Every project's Octavia quotas and usage, read in a fixed number of calls whatever the number of projects. */
export interface OctaviaUsageOfAll {
  defaults: OctaviaQuota;
  /** Only the projects given their own quotas. */
  quotas: ReadonlyMap<string, OctaviaQuota>;
  /** Per key, how many each project has. */
  counts: Record<OctaviaReviewKey, ReadonlyMap<string, number>>;
}

export async function fetchOctaviaUsageOfAll(signal?: AbortSignal): Promise<OctaviaUsageOfAll> {
  // An admin's unfiltered lists hold every project's objects, counted by owner.
  const owners = (path: string, collection: string) =>
    fetchAll<{ id: string; project_id: string }>(path, collection, {}, signal).then((items) => {
      const counts = new Map<string, number>();
      for (const { project_id } of items) counts.set(project_id, (counts.get(project_id) ?? 0) + 1);
      return counts;
    });
  const [defaults, quotas, loadbalancer, listener, pool] = await Promise.all([
    api.get<{ quota: OctaviaQuota }>(quotaDefaultsPath, { signal }).then(({ quota }) => quota),
    fetchAll<OctaviaQuota & { project_id: string }>(quotasPath, 'quotas', {}, signal),
    owners(loadBalancersPath, 'loadbalancers'),
    owners(listenersPath, 'listeners'),
    owners(poolsPath, 'pools'),
  ]);
  return { defaults, quotas: new Map(quotas.map((quota) => [quota.project_id, quota])), counts: { loadbalancer, listener, pool } };
}

/** One project's usage against its limits: its own where set, else the default, else unlimited (-1). */
export function octaviaUsageOfProject(all: OctaviaUsageOfAll, projectId: string): Pick<OctaviaUsage, OctaviaReviewKey> {
  const own = all.quotas.get(projectId);
  const usage = (key: OctaviaReviewKey) => ({
    used: all.counts[key].get(projectId) ?? 0,
    limit: (own ? octaviaLimit(own, key) : null) ?? octaviaLimit(all.defaults, key) ?? -1,
  });
  return { loadbalancer: usage('loadbalancer'), listener: usage('listener'), pool: usage('pool') };
}
