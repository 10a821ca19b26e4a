// Quota usage of the current project, per service, from each service's own API (types from the API references:
// Nova GET /limits, Neutron GET /v2.0/quotas/{project_id}/details, Cinder GET /v3/{project_id}/limits, Octavia
// GET /v2/lbaas/quotas/{project_id} with the usage counted, resources/load-balancers/quotas.ts).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { keypairsQueryOptions } from '../keypairs/keypairs';
import { fetchOctaviaUsage, type OctaviaUsage } from '../load-balancers/quotas';

export type QuotaId =
  | 'instances'
  | 'vcpus'
  | 'ram'
  | 'keypairs'
  | 'server-groups'
  | 'networks'
  | 'subnets'
  | 'ports'
  | 'routers'
  | 'floating-ips'
  | 'security-groups'
  | 'security-group-rules'
  | 'volumes'
  | 'snapshots'
  | 'gigabytes'
  | 'load-balancers'
  | 'listeners'
  | 'pools'
  | 'members'
  | 'health-monitors';

export interface QuotaUsage {
  /** Stable id: names the gauge (`gauge-<service>-<id>`) and its label (`quota.labels.<id>`). */
  id: QuotaId;
  used: number;
  /** -1 = unlimited. */
  limit: number;
  unit?: 'MiB' | 'GiB';
}

interface NovaAbsoluteLimits {
  maxTotalInstances: number;
  totalInstancesUsed: number;
  maxTotalCores: number;
  totalCoresUsed: number;
  maxTotalRAMSize: number;
  totalRAMUsed: number;
  maxTotalKeypairs: number;
  maxServerGroups: number;
  totalServerGroupsUsed: number;
}

interface NeutronQuotaDetail {
  used: number;
  limit: number;
  reserved: number;
}

type NeutronResource = 'network' | 'subnet' | 'port' | 'router' | 'floatingip' | 'security_group' | 'security_group_rule';

interface CinderAbsoluteLimits {
  maxTotalVolumes: number;
  totalVolumesUsed: number;
  maxTotalSnapshots: number;
  totalSnapshotsUsed: number;
  maxTotalVolumeGigabytes: number;
  totalGigabytesUsed: number;
}

const novaMicroversion = '2.35';

export function computeUsage(limits: NovaAbsoluteLimits, keypairCount: number): QuotaUsage[] {
  return [
    { id: 'instances', used: limits.totalInstancesUsed, limit: limits.maxTotalInstances },
    { id: 'vcpus', used: limits.totalCoresUsed, limit: limits.maxTotalCores },
    { id: 'ram', used: limits.totalRAMUsed, limit: limits.maxTotalRAMSize, unit: 'MiB' },
    { id: 'keypairs', used: keypairCount, limit: limits.maxTotalKeypairs },
    { id: 'server-groups', used: limits.totalServerGroupsUsed, limit: limits.maxServerGroups },
  ];
}

const networkResources: [id: QuotaId, resource: NeutronResource][] = [
  ['networks', 'network'],
  ['subnets', 'subnet'],
  ['ports', 'port'],
  ['routers', 'router'],
  ['floating-ips', 'floatingip'],
  ['security-groups', 'security_group'],
  ['security-group-rules', 'security_group_rule'],
];

export function networkUsage(quota: Partial<Record<NeutronResource, NeutronQuotaDetail>>): QuotaUsage[] {
  // A resource whose extension the cloud lacks (no routers without l3) is absent from the answer: no gauge.
  return networkResources.flatMap(([id, resource]) => {
    const detail = quota[resource];
    return detail ? [{ id, used: detail.used, limit: detail.limit } satisfies QuotaUsage] : [];
  });
}

export function blockStorageUsage(limits: CinderAbsoluteLimits): QuotaUsage[] {
  return [
    { id: 'volumes', used: limits.totalVolumesUsed, limit: limits.maxTotalVolumes },
    { id: 'snapshots', used: limits.totalSnapshotsUsed, limit: limits.maxTotalSnapshots },
    { id: 'gigabytes', used: limits.totalGigabytesUsed, limit: limits.maxTotalVolumeGigabytes, unit: 'GiB' },
  ];
}

const computeQuotaKeys = scopedQueryKeys('compute', 'quota-usage');

/**
 * Nova's absolute limits alone. Nova does not count a user's key pairs there: the count is the length of the key pair
 * list, a second read that the overview lets fill in its one gauge after the others show.
 */
export const computeLimitsOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: computeQuotaKeys.detail(scope, 'limits'),
    queryFn: async ({ signal }) => {
      const { limits } = await api.get<{ limits: { absolute: NovaAbsoluteLimits } }>('/api/os/compute/limits', { signal, microversion: novaMicroversion });
      return limits.absolute;
    },
  });

/** Every compute quota with its usage, key pairs included: the limits and the key pairs, read in parallel through their own caches. */
export const computeQuotaOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: computeQuotaKeys.all(scope),
    queryFn: async ({ client }) => {
      const [limits, keypairs] = await Promise.all([client.fetchQuery(computeLimitsOptions(scope)), client.fetchQuery(keypairsQueryOptions(scope))]);
      return computeUsage(limits, keypairs.length);
    },
  });

export const networkQuotaOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: scopedQueryKeys('network', 'quota-usage').all(scope),
    queryFn: async ({ signal }) => {
      const { quota } = await api.get<{ quota: Partial<Record<NeutronResource, NeutronQuotaDetail>> }>(
        `/api/os/network/v2.0/quotas/${encodeURIComponent(scope.projectId)}/details`,
        { signal },
      );
      return networkUsage(quota);
    },
  });

export const blockStorageQuotaOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: scopedQueryKeys('block-storage', 'quota-usage').all(scope),
    queryFn: async ({ signal }) => {
      const { limits } = await api.get<{ limits: { absolute: CinderAbsoluteLimits } }>('/api/os/block-storage/limits', {
        signal,
      });
      return blockStorageUsage(limits.absolute);
    },
  });

export function loadBalancerUsage(usage: OctaviaUsage): QuotaUsage[] {
  return [
    { id: 'load-balancers', ...usage.loadbalancer },
    { id: 'listeners', ...usage.listener },
    { id: 'pools', ...usage.pool },
    { id: 'members', ...usage.member },
    { id: 'health-monitors', ...usage.healthmonitor },
  ];
}

export const loadBalancerQuotaOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: scopedQueryKeys('load-balancer', 'quota-usage').all(scope),
    queryFn: async ({ signal }) => loadBalancerUsage(await fetchOctaviaUsage(scope.projectId, signal)),
  });
