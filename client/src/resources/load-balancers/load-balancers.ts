// The project's Octavia load balancers: one page for the list (marker/limit, sort, filters), one load balancer and
// the tree hanging from it (listeners, pools with their members and health monitor, L7 policies with their rules),
// Octavia's status tree, flavors and availability zones for the create flow, and the wait for a load balancer to
// leave PENDING_* that every write on it needs. Lists are filtered by project_id: an admin token would list every
// project's otherwise.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { fetchAllPages, fetchListPage, type ListParams } from '../../lib/api/openstack-list';
import type { ListUrlState } from '../../lib/api/page-window';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { longestWatch } from '../../lib/api/resource-watch';
import { useScope } from '../../lib/scope';
import type { ListState } from './list-state';
import { isPending } from './state';
import type {
  HealthMonitor,
  L7Policy,
  L7Rule,
  Listener,
  LoadBalancer,
  LoadBalancerTree,
  Member,
  Pool,
  StatusTree,
} from './types';
import { unwatchLoadBalancer, useLoadBalancerWatch } from './watch';

export const loadBalancerKeys = scopedQueryKeys('load-balancer', 'loadbalancers');
/** A load balancer's children, cached under its id: any write on a child refreshes them. */
export const loadBalancerTreeKeys = scopedQueryKeys('load-balancer', 'loadbalancer-tree');
export const loadBalancerOptionKeys = scopedQueryKeys('load-balancer', 'create-options');

const lbaas = '/api/os/load-balancer/v2/lbaas';
const item = (collection: string) => (id: string) => `${collection}/${encodeURIComponent(id)}`;

export const loadBalancersPath = `${lbaas}/loadbalancers`;
export const loadBalancerPath = item(loadBalancersPath);
export const loadBalancerStatusPath = (id: string) => `${loadBalancerPath(id)}/status`;
export const listenersPath = `${lbaas}/listeners`;
export const listenerPath = item(listenersPath);
export const poolsPath = `${lbaas}/pools`;
export const poolPath = item(poolsPath);
export const membersPath = (poolId: string) => `${poolPath(poolId)}/members`;
export const memberPath = (poolId: string, id: string) => `${membersPath(poolId)}/${encodeURIComponent(id)}`;
export const healthMonitorsPath = `${lbaas}/healthmonitors`;
export const healthMonitorPath = item(healthMonitorsPath);
export const l7PoliciesPath = `${lbaas}/l7policies`;
export const l7PolicyPath = item(l7PoliciesPath);
export const l7RulesPath = (policyId: string) => `${l7PolicyPath(policyId)}/rules`;
export const l7RulePath = (policyId: string, id: string) => `${l7RulesPath(policyId)}/${encodeURIComponent(id)}`;
export const flavorsPath = `${lbaas}/flavors`;
export const availabilityZonesPath = `${lbaas}/availabilityzones`;
export const quotasPath = `${lbaas}/quotas`;
export const quotaDefaultsPath = `${quotasPath}/defaults`;
export const quotaPath = item(quotasPath);

/**
 * The query of one page: one row more than the page, so the answer says whether another page follows. Going back
 * reads the other way round from the first row of the next page (Octavia's page_reverse wants "True" written so,
 * and the reversed sort says the same plainly), so the rows nearest the marker come first, as pageWindow reads them.
 */
export function octaviaPageParams(state: ListUrlState<string, string>): ListParams {
  const backwards = state.before !== undefined;
  const direction = backwards ? (state.direction === 'asc' ? 'desc' : 'asc') : state.direction;
  return { limit: state.limit + 1, marker: state.marker ?? state.before, sort: `${state.sort}:${direction}` };
}

const listParams = (projectId: string, state: ListState): ListParams => ({ project_id: projectId, ...state.filters, ...octaviaPageParams(state) });

export function fetchLoadBalancerPage(projectId: string, state: ListState, signal?: AbortSignal) {
  return fetchListPage<LoadBalancer>({ path: loadBalancersPath, collection: 'loadbalancers', params: listParams(projectId, state), signal });
}

export async function fetchLoadBalancer(id: string, signal?: AbortSignal): Promise<LoadBalancer> {
  const { loadbalancer } = await api.get<{ loadbalancer: LoadBalancer }>(loadBalancerPath(id), { signal });
  return loadbalancer;
}

export async function fetchStatusTree(id: string, signal?: AbortSignal): Promise<StatusTree> {
  const { statuses } = await api.get<{ statuses: StatusTree }>(loadBalancerStatusPath(id), { signal });
  return statuses;
}

/** Every object of one kind in the project (the quota counts), or hanging from one parent. */
export function fetchAll<T>(path: string, collection: string, params: ListParams, signal?: AbortSignal): Promise<T[]> {
  return fetchAllPages<T>({ path, collection, params, signal });
}

/**
 * The load balancer's listeners and pools (two lists filtered by loadbalancer_id) and Octavia's status tree, then each
 * pool's members and health monitor and each listener's L7 policies with their rules, in parallel.
 */
export async function fetchLoadBalancerTree(id: string, signal?: AbortSignal): Promise<LoadBalancerTree> {
  const [listeners, pools, status] = await Promise.all([
    fetchAll<Listener>(listenersPath, 'listeners', { loadbalancer_id: id }, signal),
    fetchAll<Pool>(poolsPath, 'pools', { loadbalancer_id: id }, signal),
    fetchStatusTree(id, signal),
  ]);
  const branches = Promise.all(
    pools.map(async (pool) => {
      const [members, healthMonitor] = await Promise.all([
        fetchAll<Member>(membersPath(pool.id), 'members', {}, signal),
        pool.healthmonitor_id
          ? api.get<{ healthmonitor: HealthMonitor }>(healthMonitorPath(pool.healthmonitor_id), { signal }).then((answer) => answer.healthmonitor)
          : null,
      ]);
      return { pool, members, healthMonitor };
    }),
  );
  const policies = Promise.all(
    listeners.map(async (listener) => {
      const found = await fetchAll<L7Policy>(l7PoliciesPath, 'l7policies', { listener_id: listener.id }, signal);
      const withRules = await Promise.all(
        found.map(async (policy) => ({ policy, rules: await fetchAll<L7Rule>(l7RulesPath(policy.id), 'rules', {}, signal) })),
      );
      return [listener.id, withRules.sort((a, b) => a.policy.position - b.policy.position)] as const;
    }),
  );
  return { listeners, pools: await branches, l7Policies: Object.fromEntries(await policies), status };
}

export interface NamedOption {
  id: string;
  name: string;
  description?: string;
}

/** Octavia's flavors and availability zones offered to the project; an empty list when the cloud offers none. */
export async function fetchCreateOptions(signal?: AbortSignal): Promise<{ flavors: NamedOption[]; availabilityZones: NamedOption[] }> {
  const [flavors, zones] = await Promise.all([
    fetchAll<NamedOption & { enabled: boolean }>(flavorsPath, 'flavors', {}, signal),
    fetchAll<{ name: string; description?: string; enabled: boolean }>(availabilityZonesPath, 'availability_zones', {}, signal),
  ]);
  return {
    flavors: flavors.filter((flavor) => flavor.enabled),
    availabilityZones: zones.filter((zone) => zone.enabled).map((zone) => ({ id: zone.name, name: zone.name, description: zone.description })),
  };
}

/** How often a pending load balancer is read again. */
export const lbPollInterval = 1500;

/**
 * Resolves once the load balancer has left PENDING_* (ACTIVE or ERROR: a write then gets Octavia's own answer),
 * reading it at once and then every `lbPollInterval`; rejects past `longestWatch`.
 */
export async function waitForLoadBalancer(id: string, { interval = lbPollInterval, patience = longestWatch } = {}): Promise<LoadBalancer> {
  const deadline = Date.now() + patience;
  for (;;) {
    const loadBalancer = await fetchLoadBalancer(id);
    if (!isPending(loadBalancer.provisioning_status)) return loadBalancer;
    if (Date.now() + interval > deadline) {
      throw new Error(`Load balancer ${id} is still ${loadBalancer.provisioning_status} after ${Math.round(patience / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export const loadBalancerPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: loadBalancerKeys.list(scope, { view: 'page', ...listParams(scope.projectId, state) }),
    queryFn: ({ signal }) => fetchLoadBalancerPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

export const loadBalancerQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchLoadBalancer(id, signal),
    // A deleted load balancer stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export const loadBalancerTreeQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: loadBalancerTreeKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchLoadBalancerTree(id, signal),
  });

export const loadBalancerCreateOptionsQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: loadBalancerOptionKeys.all(scope),
    queryFn: ({ signal }) => fetchCreateOptions(signal),
    staleTime: 5 * 60_000,
  });

export function useLoadBalancerPage(state: ListState) {
  return useQuery(loadBalancerPageQueryOptions(useScope(), state));
}

export function useLoadBalancerCreateOptions() {
  return useQuery(loadBalancerCreateOptionsQueryOptions(useScope()));
}

/**
 * One load balancer, read again every `lbPollInterval` while it is PENDING_* or a write was just sent to it (its
 * tree too, so the children's statuses follow); the watch ends once an answer read after the write shows it settled.
 */
export function useLoadBalancer(id: string) {
  const scope = useScope();
  const watch = useLoadBalancerWatch(id);
  const queryClient = useQueryClient();
  const query = useQuery({
    ...loadBalancerQueryOptions(scope, id),
    enabled: id !== '',
    refetchInterval: (current) => {
      const loadBalancer = current.state.data;
      if (current.state.error) return false;
      if (!loadBalancer) return lbPollInterval;
      const settled = !isPending(loadBalancer.provisioning_status) && (!watch || current.state.dataUpdatedAt > watch.since);
      return settled ? false : lbPollInterval;
    },
  });
  const { data, dataUpdatedAt, error } = query;
  /** Whether the last answer was of a load balancer changing: the answer after it is read with its children too. */
  const wasChanging = useRef(false);
  useEffect(() => {
    if (!data) return;
    const changing = isPending(data.provisioning_status) || watch !== undefined;
    // The children change with their load balancer: their statuses are read with it, up to the settled answer.
    if (changing || wasChanging.current) void queryClient.invalidateQueries({ queryKey: loadBalancerTreeKeys.detail(scope, id) });
    wasChanging.current = changing;
    if (!watch) return;
    const settled = !isPending(data.provisioning_status) && dataUpdatedAt > watch.since;
    if (settled || dataUpdatedAt - watch.since > longestWatch) unwatchLoadBalancer(id);
  }, [data, dataUpdatedAt, queryClient, scope, id, watch]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) unwatchLoadBalancer(id);
  }, [error, id]);
  return query;
}

export function useLoadBalancerTree(id: string) {
  return useQuery({ ...loadBalancerTreeQueryOptions(useScope(), id), enabled: id !== '' });
}
