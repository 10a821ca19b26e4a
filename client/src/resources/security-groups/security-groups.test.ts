import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubJsonFetch } from '../../testing/stub-fetch';
import { fetchGroupMembers } from './security-groups';

afterEach(() => vi.unstubAllGlobals());

describe('servers using a group', () => {
  it("asks Neutron for the project's ports having the group, keeps servers' ports, and names them from Nova", async () => {
    const urls = stubJsonFetch((url) =>
      url.pathname.startsWith('/api/os/network/')
        ? {
            ports: [
              { id: 'p1', device_id: 'vm-b', device_owner: 'compute:nova' },
              { id: 'p2', device_id: 'vm-a', device_owner: 'compute:nova' },
              { id: 'p3', device_id: 'vm-b', device_owner: 'compute:az2' },
              // A router's port or a free port may have the group too: not an instance.
              { id: 'p4', device_id: 'router-1', device_owner: 'network:router_interface' },
              { id: 'p5', device_id: '', device_owner: '' },
            ],
          }
        : { servers: [{ id: 'vm-a', name: 'alpha' }, { id: 'vm-b', name: 'beta' }] },
    );
    expect(await fetchGroupMembers('project-1', 'sg-1')).toEqual([
      { serverId: 'vm-a', serverName: 'alpha', portIds: ['p2'] },
      { serverId: 'vm-b', serverName: 'beta', portIds: ['p1', 'p3'] },
    ]);
    const portsUrl = urls.find((url) => url.pathname.startsWith('/api/os/network/'))!;
    expect(portsUrl.pathname).toBe('/api/os/network/v2.0/ports');
    // project_id, never tenant_id; the group filter is Neutron's port-security-groups-filtering.
    expect(portsUrl.searchParams.get('project_id')).toBe('project-1');
    expect(portsUrl.searchParams.get('security_groups')).toBe('sg-1');
    expect(portsUrl.searchParams.has('tenant_id')).toBe(false);
  });
});
