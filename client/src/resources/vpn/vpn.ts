// The project's VPNaaS objects: five Neutron collections under /v2.0/vpn that read alike (one list filtered by
// project_id, one object), so each is described once by `vpnCollection` and read through the same code. Neutron's
// VPN lists are short (a few per router): they are read whole and sorted and paged on the page.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { fetchAllPages } from '../../lib/api/openstack-list';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { EndpointGroup, IkePolicy, IpsecPolicy, IpsecSiteConnection, VpnService } from './types';

export interface VpnCollection<Item> {
  /** The answer's array (`ikepolicies`) and the one object's key (`ikepolicy`), which write bodies use too. */
  collection: string;
  member: string;
  path: string;
  itemPath: (id: string) => string;
  keys: ReturnType<typeof scopedQueryKeys>;
  fetchAll: (projectId: string, signal?: AbortSignal) => Promise<Item[]>;
  fetchOne: (id: string, signal?: AbortSignal) => Promise<Item>;
}

function vpnCollection<Item>(segment: string, collection: string, member: string): VpnCollection<Item> {
  const path = `/api/os/network/v2.0/vpn/${segment}`;
  const itemPath = (id: string) => `${path}/${encodeURIComponent(id)}`;
  return {
    collection,
    member,
    path,
    itemPath,
    keys: scopedQueryKeys('network', `vpn-${segment}`),
    // project_id, not the deprecated tenant_id: an admin token would list every project's otherwise.
    fetchAll: (projectId, signal) => fetchAllPages<Item>({ path, collection, params: { project_id: projectId }, signal }),
    fetchOne: async (id, signal) => {
      const body = await api.get<Record<string, Item>>(itemPath(id), { signal });
      const item = body[member];
      if (item === undefined) throw new Error(`Neutron answered ${itemPath(id)} without ${member}`);
      return item;
    },
  };
}

export const ikePolicies = vpnCollection<IkePolicy>('ikepolicies', 'ikepolicies', 'ikepolicy');
export const ipsecPolicies = vpnCollection<IpsecPolicy>('ipsecpolicies', 'ipsecpolicies', 'ipsecpolicy');
export const vpnServices = vpnCollection<VpnService>('vpnservices', 'vpnservices', 'vpnservice');
export const endpointGroups = vpnCollection<EndpointGroup>('endpoint-groups', 'endpoint_groups', 'endpoint_group');
export const siteConnections = vpnCollection<IpsecSiteConnection>('ipsec-site-connections', 'ipsec_site_connections', 'ipsec_site_connection');

export const vpnListQueryOptions = <Item>(kind: VpnCollection<Item>, scope: QueryScope) =>
  queryOptions({
    queryKey: kind.keys.list(scope, { view: 'all' }),
    queryFn: ({ signal }) => kind.fetchAll(scope.projectId, signal),
  });

export const vpnObjectQueryOptions = <Item>(kind: VpnCollection<Item>, scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: kind.keys.detail(scope, id),
    queryFn: ({ signal }) => kind.fetchOne(id, signal),
    // A deleted object stays deleted: no retries on 404.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

/** Every object of one kind in the scope's project. */
export function useVpnList<Item>(kind: VpnCollection<Item>, { enabled = true } = {}) {
  return useQuery({ ...vpnListQueryOptions(kind, useScope()), enabled });
}

export function useVpnObject<Item>(kind: VpnCollection<Item>, id: string) {
  return useQuery({ ...vpnObjectQueryOptions(kind, useScope(), id), enabled: id !== '' });
}
