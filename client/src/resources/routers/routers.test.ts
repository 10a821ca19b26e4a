import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRouterInterfaces, fetchRouterPage } from './routers';
import { stubJsonFetch } from '../../testing/stub-fetch';

afterEach(() => vi.unstubAllGlobals());

describe('routers from Neutron', () => {
  it('reads one page of the project (project_id, never tenant_id), sorted and paged by Neutron', async () => {
    const urls = stubJsonFetch(() => ({
      routers: [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }],
      routers_links: [{ rel: 'next', href: 'http://127.0.0.1:9696/v2.0/routers?limit=3&marker=r3' }],
    }));
    const page = await fetchRouterPage('p1', { limit: 2, before: 'r9', sort: 'name', direction: 'asc', filters: {} });
    expect(page.items.map((router) => router.id)).toEqual(['r1', 'r2', 'r3']);
    const query = urls[0]!.searchParams;
    expect(urls[0]!.pathname).toBe('/api/os/network/v2.0/routers');
    expect(Object.fromEntries(query)).toEqual({
      project_id: 'p1',
      limit: '3',
      marker: 'r9',
      page_reverse: 'true',
      sort_key: 'name',
      sort_dir: 'asc',
    });
    expect(query.has('tenant_id')).toBe(false);
  });

  it("counts as interfaces only the router's ports on internal subnets, not its gateway", async () => {
    const urls = stubJsonFetch(() => ({
      ports: [
        { id: 'a', device_owner: 'network:router_interface' },
        { id: 'b', device_owner: 'network:router_gateway' },
        { id: 'c', device_owner: 'network:ha_router_replicated_interface' },
        { id: 'd', device_owner: 'network:router_interface_distributed' },
      ],
    }));
    const interfaces = await fetchRouterInterfaces('p1', 'r1');
    expect(interfaces.map((port) => port.id)).toEqual(['a', 'c', 'd']);
    expect(urls[0]!.searchParams.get('device_id')).toBe('r1');
    expect(urls[0]!.searchParams.get('project_id')).toBe('p1');
  });
});
