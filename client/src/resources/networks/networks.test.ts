import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFloatingIps } from '../floating-ips/floating-ips';
import { fetchPorts } from '../ports/ports';
import { fetchSecurityGroups } from '../security-groups/security-groups';
import { fetchUsableNetworks } from './networks';
import { stubJsonFetch } from '../../testing/stub-fetch';

afterEach(() => vi.unstubAllGlobals());

describe("the project's own Neutron resources", () => {
  it('are always asked for by project_id, never tenant_id (an admin token would list every project)', async () => {
    const urls = stubJsonFetch((url) => ({ [url.pathname.split('/').pop()!.replace('-', '_')]: [] }));
    await fetchPorts('p1', { deviceId: 'server-1' });
    await fetchSecurityGroups('p1');
    await fetchFloatingIps('p1', { portIds: ['port-1', 'port-2'] });
    expect(urls.map((url) => url.pathname)).toEqual([
      '/api/os/network/v2.0/ports',
      '/api/os/network/v2.0/security-groups',
      '/api/os/network/v2.0/floatingips',
    ]);
    for (const url of urls) {
      expect(url.searchParams.get('project_id')).toBe('p1');
      expect(url.searchParams.has('tenant_id')).toBe(false);
    }
    expect(urls[0]!.searchParams.get('device_id')).toBe('server-1');
    expect(urls[2]!.searchParams.getAll('port_id')).toEqual(['port-1', 'port-2']);
  });

  it('asks nothing for the floating IPs of no port (an empty filter would list them all)', async () => {
    const urls = stubJsonFetch(() => ({ floatingips: [] }));
    expect(await fetchFloatingIps('p1', { portIds: [] })).toEqual([]);
    expect(urls).toEqual([]);
  });
});

describe('fetchUsableNetworks', () => {
  it("merges the project's, the shared and the external networks, each once, by name", async () => {
    const own = { id: 'n1', name: 'demo-net', project_id: 'p1', shared: false };
    const sharedAndOwn = { id: 'n2', name: 'common', project_id: 'p1', shared: true };
    const external = { id: 'n3', name: 'public', project_id: 'admin', shared: false, 'router:external': true };
    const urls = stubJsonFetch((url) => {
      if (url.searchParams.get('project_id') === 'p1') return { networks: [own, sharedAndOwn] };
      if (url.searchParams.get('shared') === 'true') return { networks: [sharedAndOwn] };
      return { networks: [external] };
    });
    const networks = await fetchUsableNetworks('p1');
    expect(networks.map((network) => network.id)).toEqual(['n2', 'n1', 'n3']);
    expect(urls.map((url) => url.search).sort()).toEqual(
      ['?project_id=p1', '?router%3Aexternal=true', '?shared=true'].sort(),
    );
  });
});
