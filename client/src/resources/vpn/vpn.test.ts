import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubJsonFetch } from '../../testing/stub-fetch';
import { endpointGroups, siteConnections } from './vpn';

afterEach(() => vi.unstubAllGlobals());

describe('VPNaaS objects from Neutron', () => {
  it("lists the project's (project_id, never tenant_id) at /v2.0/vpn/<collection>", async () => {
    const urls = stubJsonFetch(() => ({ endpoint_groups: [{ id: 'g1' }] }));
    expect((await endpointGroups.fetchAll('p1')).map((group) => group.id)).toEqual(['g1']);
    expect(urls[0]!.pathname).toBe('/api/os/network/v2.0/vpn/endpoint-groups');
    expect(urls[0]!.searchParams.get('project_id')).toBe('p1');
    expect(urls[0]!.searchParams.has('tenant_id')).toBe(false);
  });

  it('reads one object under its member key', async () => {
    const urls = stubJsonFetch(() => ({ ipsec_site_connection: { id: 'c 1', name: 'to-branch' } }));
    expect((await siteConnections.fetchOne('c 1')).name).toBe('to-branch');
    expect(urls[0]!.pathname).toBe('/api/os/network/v2.0/vpn/ipsec-site-connections/c%201');
  });
});
