// The project's routers: one page for the list, all of them (topology, choosers), one router, and the ports that
// are its interfaces. Neutron lists are always filtered by project_id (not the deprecated tenant_id): an admin
// token would list every project's routers otherwise.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { neutronPageParams } from '../../lib/api/neutron-paging';
import { fetchAllPages, fetchListPage } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import { fetchPorts } from '../ports/ports';
import type { Port } from '../ports/types';
import type { ListState } from './list-state';
import type { Router } from './types';

export const routerKeys = scopedQueryKeys('network', 'routers');
/** A router's interfaces are ports, but cached under the router so a change to it refreshes them. */
export const routerInterfaceKeys = scopedQueryKeys('network', 'router-interfaces');

export const routersPath = '/api/os/network/v2.0/routers';
export const routerPath = (id: string) => `${routersPath}/${encodeURIComponent(id)}`;

/**
 * Device owners of the ports linking a router to its internal subnets (legacy, distributed, HA); the gateway
 * port (network:router_gateway) is not one: it belongs to no project and shows in external_gateway_info.
 */
export const routerInterfaceOwners = [
  'network:router_interface',
  'network:router_interface_distributed',
  'network:ha_router_replicated_interface',
] as const;

export function isRouterInterface(port: Port): boolean {
  return (routerInterfaceOwners as readonly string[]).includes(port.device_owner);
}

export function fetchRouterPage(projectId: string, state: ListState, signal?: AbortSignal) {
  return fetchListPage<Router>({
    path: routersPath,
    collection: 'routers',
    params: { project_id: projectId, ...neutronPageParams(state) },
    signal,
  });
}

export function fetchRouters(projectId: string, signal?: AbortSignal): Promise<Router[]> {
  return fetchAllPages<Router>({ path: routersPath, collection: 'routers', params: { project_id: projectId }, signal });
}

export async function fetchRouter(id: string, signal?: AbortSignal): Promise<Router> {
  const { router } = await api.get<{ router: Router }>(routerPath(id), { signal });
  return router;
}

/** The router's interface ports (they belong to the router's project). */
export async function fetchRouterInterfaces(projectId: string, routerId: string, signal?: AbortSignal): Promise<Port[]> {
  const ports = await fetchPorts(projectId, { deviceId: routerId }, signal);
  return ports.filter(isRouterInterface);
}

export const routerPageQueryOptions = (scope: QueryScope, state: ListState) =>
  queryOptions({
    queryKey: routerKeys.list(scope, { view: 'page', ...neutronPageParams(state) }),
    queryFn: ({ signal }) => fetchRouterPage(scope.projectId, state, signal),
    placeholderData: keepPreviousData,
  });

export const routersQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: routerKeys.list(scope, { view: 'all' }),
    queryFn: ({ signal }) => fetchRouters(scope.projectId, signal),
  });

export const routerQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: routerKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchRouter(id, signal),
    // A deleted router stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export const routerInterfacesQueryOptions = (scope: QueryScope, routerId: string) =>
  queryOptions({
    queryKey: routerInterfaceKeys.detail(scope, routerId),
    queryFn: ({ signal }) => fetchRouterInterfaces(scope.projectId, routerId, signal),
  });

export function useRouterPage(state: ListState) {
  return useQuery(routerPageQueryOptions(useScope(), state));
}

/** Every router of the scope's project. */
export function useRouters({ enabled = true } = {}) {
  return useQuery({ ...routersQueryOptions(useScope()), enabled });
}

export function useRouter(id: string | undefined) {
  return useQuery({ ...routerQueryOptions(useScope(), id ?? ''), enabled: id !== undefined && id !== '' });
}

export function useRouterInterfaces(routerId: string | undefined) {
  return useQuery({ ...routerInterfacesQueryOptions(useScope(), routerId ?? ''), enabled: routerId !== undefined && routerId !== '' });
}
