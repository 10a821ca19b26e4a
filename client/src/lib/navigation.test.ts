import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CapabilityState } from './capabilities/capability';
import { navGroups, navProbes, prefetchLoader, visibleNavEntries } from './navigation';
import type { Scope } from './scope';

describe('visibleNavEntries', () => {
  const entries = [
    { to: '/', serviceType: undefined },
    { to: '/compute/servers', serviceType: 'compute' },
    { to: '/volumes', serviceType: 'block-storage' },
    { to: '/stacks', serviceType: 'orchestration' },
  ];

  it("shows pages whose service is in the catalog, under any of its names, and pages that need none", () => {
    const services = [
      { type: 'compute', name: 'nova', url: 'http://nova.example/v2.1' },
      { type: 'volumev3', name: 'cinderv3', url: 'http://cinder.example/v3/p1' },
    ];
    expect(visibleNavEntries(entries, services).map((entry) => entry.to)).toEqual(['/', '/compute/servers', '/volumes']);
  });

  it('shows only service-less pages for an empty catalog', () => {
    expect(visibleNavEntries(entries, []).map((entry) => entry.to)).toEqual(['/']);
  });

  describe('pages with a probe (the admin pages)', () => {
    const probe = (id: string) => ({ id, request: () => ({ method: 'GET' as const, path: `/api/os/compute/${id}` }) });
    const services = [
      { type: 'compute', name: 'nova', url: 'http://nova.example/v2.1' },
      { type: 'identity', name: 'keystone', url: 'http://keystone.example/v3' },
    ];
    const allInstances = { to: '/admin/instances', serviceType: 'compute', probe: probe('servers-all') };
    const usage = { to: '/admin/usage', serviceType: 'compute', probe: probe('usage-all') };
    const capacity = { to: '/admin/capacity', serviceType: 'placement', probe: probe('hypervisors') };
    const adminPages = [{ to: '/', serviceType: undefined }, allInstances, usage, capacity];
    const answered = (states: Record<string, CapabilityState['state']>) =>
      new Map(
        Object.entries(states).map(([id, state]): [string, CapabilityState] => [
          id,
          state === 'denied' ? { state, reason: 'Policy says no', service: 'compute' } : state === 'unknown' ? { state, error: new Error('down') } : { state },
        ]),
      );

    it('asks the probes of the pages whose service the catalog offers, each once', () => {
      expect(navProbes([...adminPages, { to: '/admin/usage/again', serviceType: 'compute', probe: probe('usage-all') }], services).map((p) => p.id)).toEqual([
        'servers-all',
        'usage-all',
      ]);
    });

    it('shows none of them until every probe answered, so the section appears at once', () => {
      const to = (states: Record<string, CapabilityState['state']>) => visibleNavEntries(adminPages, services, answered(states)).map((entry) => entry.to);
      expect(to({})).toEqual(['/']);
      expect(to({ 'servers-all': 'allowed' })).toEqual(['/']);
      expect(to({ 'servers-all': 'allowed', 'usage-all': 'pending' })).toEqual(['/']);
      expect(to({ 'servers-all': 'allowed', 'usage-all': 'allowed' })).toEqual(['/', '/admin/instances', '/admin/usage']);
    });

    it('hides what the cloud refused and keeps what it could not tell (the nav greys it)', () => {
      const entries = visibleNavEntries(adminPages, services, answered({ 'servers-all': 'denied', 'usage-all': 'unknown' }));
      expect(entries.map((entry) => entry.to)).toEqual(['/', '/admin/usage']);
    });
  });
});

describe('navGroups', () => {
  it('puts the unsectioned entries first, then each non-empty section in its fixed order', () => {
    const groups = navGroups([
      { to: '/networks', section: 'network' as const },
      { to: '/', section: undefined },
      { to: '/instances', section: 'compute' as const },
      { to: '/images', section: 'compute' as const },
    ]);
    expect(groups.map((group) => [group.section, group.entries.map((entry) => entry.to)])).toEqual([
      [undefined, ['/']],
      ['compute', ['/instances', '/images']],
      ['network', ['/networks']],
    ]);
  });
});

const scope = { projectId: 'p1', region: 'RegionOne' } as Scope;
const args = (url: string) => ({ request: new Request(url), params: {}, context: undefined }) as unknown as LoaderFunctionArgs;

describe('prefetchLoader', () => {
  it('returns at once and reads the page the URL asks for, also when the query options are imported first', async () => {
    const queryClient = new QueryClient();
    const queryFn = vi.fn(async () => ['row']);
    const loader = prefetchLoader({ queryClient, scope: async () => scope }, async (current, search) => {
      await Promise.resolve(); // as a dynamic import of the resource's module would
      return { queryKey: ['volumes', current.projectId, search.get('status')], queryFn };
    });

    expect(await loader(args('http://zenith.test/volumes?status=available'))).toBeNull();
    await vi.waitFor(() => expect(queryClient.getQueryData(['volumes', 'p1', 'available'])).toEqual(['row']));
    expect(queryFn).toHaveBeenCalledTimes(1);
  });

  it('reads nothing without a session', async () => {
    const queryClient = new QueryClient();
    const read = vi.fn();
    await prefetchLoader({ queryClient, scope: async () => null }, read)(args('http://zenith.test/volumes'));
    await Promise.resolve();
    expect(read).not.toHaveBeenCalled();
  });
});
